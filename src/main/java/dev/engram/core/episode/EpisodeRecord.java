package dev.engram.core.episode;

import java.util.List;

/** An episode with its earlier texts, oldest first: everything an export carries of it. */
public record EpisodeRecord(Episode episode, List<EpisodeRevision> revisions) {
    public EpisodeRecord {
        revisions = List.copyOf(revisions);
    }
}
