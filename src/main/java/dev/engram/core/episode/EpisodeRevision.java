package dev.engram.core.episode;

import java.time.Instant;

/** An earlier text of an edited episode, kept when its content was replaced. */
public record EpisodeRevision(long uid, String content, Instant replacedAt) {
}
