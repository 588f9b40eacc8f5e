package dev.engram.core.scope;

import java.util.Objects;

/**
 * A field named in a filter: a {@link SystemField}, or a metadata key written {@code m.<key>}
 * or {@code metadata.<key>}. Metadata exists on both memory types.
 */
public record FilterField(SystemField system, String metadataKey) {
    public FilterField {
        if ((system == null) == (metadataKey == null)) {
            throw new IllegalArgumentException("exactly one of system and metadataKey must be set");
        }
    }

    public static FilterField of(SystemField system) {
        return new FilterField(Objects.requireNonNull(system), null);
    }

    public static FilterField metadata(String key) {
        return new FilterField(null, Ids.requireMetadataKey("filter", key));
    }

    public boolean isMetadata() {
        return metadataKey != null;
    }

    public boolean appliesTo(MemoryType type) {
        return isMetadata() || system.appliesTo(type);
    }

    /** The name as a user writes it: {@code producer}, {@code m.topic}. */
    public String displayName() {
        return isMetadata() ? "m." + metadataKey : system.canonicalName();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
