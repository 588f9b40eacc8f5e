package dev.engram.core.episode;

import java.util.List;

/**
 * What the core hands a store to append: the episode, the text the store indexes for full-text
 * search, and its embedding (computed from the same text). An import may also bring the
 * episode's earlier texts ({@code revisions}); a restore brings the {@code uid} it had (null: the
 * store allocates one).
 */
public record EpisodeDraft(NewEpisode episode, String indexedText, float[] vector, Long uid,
                           List<EpisodeRevision> revisions) {

    public EpisodeDraft {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    public EpisodeDraft(NewEpisode episode, String indexedText, float[] vector) {
        this(episode, indexedText, vector, null, List.of());
    }
}
