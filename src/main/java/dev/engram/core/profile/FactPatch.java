package dev.engram.core.profile;

import dev.engram.core.scope.Ids;
import java.util.Map;

/**
 * A partial change to a fact: null components stay as they are. {@code addCitations} are episode
 * uids the fact now also cites (the evidence for a new value), kept with its earlier citations.
 */
public record FactPatch(String category, String tag, String feature, String value, Map<String, String> metadata,
                        java.util.List<Long> addCitations) {
    public FactPatch(String category, String tag, String feature, String value, Map<String, String> metadata) {
        this(category, tag, feature, value, metadata, null);
    }

    public FactPatch {
        addCitations = addCitations == null || addCitations.isEmpty() ? null : java.util.List.copyOf(addCitations);
        category = category == null ? null : NewFact.requireText("category", category, NewFact.MAX_NAME_LENGTH);
        tag = tag == null ? null : NewFact.requireText("tag", tag, NewFact.MAX_NAME_LENGTH);
        feature = feature == null ? null : NewFact.requireText("feature", feature, NewFact.MAX_NAME_LENGTH);
        value = value == null ? null : NewFact.requireText("value", value, NewFact.MAX_VALUE_LENGTH);
        metadata = metadata == null ? null : Ids.requireMetadata("metadata", metadata);
    }

    public static FactPatch value(String value) {
        return new FactPatch(null, null, null, value, null);
    }

    public boolean isEmpty() {
        return category == null && tag == null && feature == null && value == null && metadata == null
                && addCitations == null;
    }

    /** The same change, also citing these episodes. */
    public FactPatch citing(java.util.List<Long> uids) {
        return new FactPatch(category, tag, feature, value, metadata, uids);
    }

    /** Whether applying the patch changes the text the fact is embedded from. */
    public boolean changesIndexedText() {
        return category != null || tag != null || feature != null || value != null;
    }
}
