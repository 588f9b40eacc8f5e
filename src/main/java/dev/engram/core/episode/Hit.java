package dev.engram.core.episode;

/** A store's raw search hit: an episode uid and the index's score for it (higher is better). */
public record Hit(long uid, double score) {
}
