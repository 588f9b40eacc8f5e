package dev.engram.core.episode;

import dev.engram.core.scope.FilterField;

/** An episode's value for a filter field, as the reference evaluator compares it. */
public final class EpisodeFields {
    private EpisodeFields() {
    }

    public static Object valueOf(Episode episode, FilterField field) {
        if (field.isMetadata()) {
            return episode.metadata().get(field.metadataKey());
        }
        return switch (field.system()) {
            case UID -> episode.uid();
            case PRODUCER -> episode.producer();
            case PRODUCED_FOR -> episode.producedFor();
            case ROLE -> episode.role();
            case EPISODE_TYPE -> episode.episodeType();
            case CREATED_AT -> episode.createdAt();
            default -> null;
        };
    }
}
