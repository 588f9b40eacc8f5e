package dev.engram.core.episode;

/**
 * A search result. {@code score} is the fused relevance of the hit (or, for an episode added as
 * context around a hit, the score of that hit); {@code contextOf} is the uid of the hit this
 * episode was added around, or null when the episode is itself a hit.
 */
public record ScoredEpisode(Episode episode, double score, Long contextOf) {
    public boolean isContext() {
        return contextOf != null;
    }
}
