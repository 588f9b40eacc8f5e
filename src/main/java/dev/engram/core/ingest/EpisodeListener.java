package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.scope.Scope;
import java.util.List;

/** Told about episodes once they are stored (extraction queues them). Must be quick. */
@FunctionalInterface
public interface EpisodeListener {
    EpisodeListener NONE = (scope, episodes) -> { };

    void added(Scope scope, List<Episode> episodes);
}
