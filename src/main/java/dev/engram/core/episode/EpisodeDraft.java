package dev.engram.core.episode;

/**
 * What the core hands a store to append: the episode, the text the store indexes for full-text
 * search, and its embedding (computed from the same text).
 */
public record EpisodeDraft(NewEpisode episode, String indexedText, float[] vector) {
}
