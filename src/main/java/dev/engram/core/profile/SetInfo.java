package dev.engram.core.profile;

import java.util.List;

/**
 * A profile set as configured: the metadata keys its id was made from, the set type it belongs
 * to (whose name and description it shows), the embedder and language model recorded for it,
 * and the categories it disabled.
 */
public record SetInfo(String setId, boolean orgLevel, List<String> tags, Long setTypeId, String name,
                      String description, String embedderName, String llmName, List<String> disabledCategories) {
    public SetInfo {
        tags = List.copyOf(tags);
        disabledCategories = List.copyOf(disabledCategories);
    }

    /** A set nobody configured yet: no type, no models, nothing disabled. */
    public static SetInfo unconfigured(String setId, boolean orgLevel, List<String> tags) {
        return new SetInfo(setId, orgLevel, tags, null, null, null, null, null, List.of());
    }

    public String setTypeIdString() {
        return setTypeId == null ? null : Long.toString(setTypeId);
    }
}
