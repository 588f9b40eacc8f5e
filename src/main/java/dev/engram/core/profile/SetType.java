package dev.engram.core.profile;

import java.util.List;

/**
 * A set type: the metadata keys whose values name a set (for example {@code ["user_id"]}), with
 * an optional name and description. Category templates of a set type apply to its sets.
 */
public record SetType(long id, boolean orgLevel, List<String> tags, String name, String description) {
    public SetType {
        tags = List.copyOf(tags);
    }

    public String idString() {
        return Long.toString(id);
    }
}
