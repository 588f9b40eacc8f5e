package dev.engram.store.neo4j;

import dev.engram.core.scope.SystemField;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.RelationshipType;

/** The fixed property names of {@code :Episode} nodes: the whitelist filters compile against. */
final class EpisodeProperties {
    static final String METADATA_PREFIX = "m.";
    /** The label of episode nodes and the relationship chaining a project's episodes in time, for the core API. */
    static final Label EPISODE = Label.label("Episode");
    static final RelationshipType NEXT = RelationshipType.withName("NEXT");

    private EpisodeProperties() {
    }

    static String of(SystemField field) {
        return switch (field) {
            case UID -> "uid";
            case PRODUCER -> "producer";
            case PRODUCED_FOR -> "produced_for";
            case ROLE -> "role";
            case EPISODE_TYPE -> "episode_type";
            case CREATED_AT -> "created_at";
            default -> throw new IllegalArgumentException("field " + field.canonicalName() + " does not apply to episodes");
        };
    }

    static String metadataProperty(String key) {
        return METADATA_PREFIX + key;
    }
}
