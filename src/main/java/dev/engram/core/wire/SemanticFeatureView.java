package dev.engram.core.wire;

import java.util.List;
import java.util.Map;

/** A profile fact as MemMachine's SemanticFeature. */
public record SemanticFeatureView(String setId, String category, String tag, String featureName, String value,
                                  Metadata metadata) {
    /** {@code id} is the fact id; {@code citations} the episode uids; {@code other} the fact's metadata. */
    public record Metadata(String id, List<String> citations, Map<String, String> other) {
    }
}
