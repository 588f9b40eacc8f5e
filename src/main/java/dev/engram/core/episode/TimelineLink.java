package dev.engram.core.episode;

import java.time.Instant;

/**
 * Where an episode sits in its scope's timeline: when it was said, and the episodes just before
 * and after it ({@code null} at either end, or when the neighbour does not pass the search's
 * filter), with their times.
 */
public record TimelineLink(long uid, Instant createdAt, Long previous, Instant previousAt, Long next, Instant nextAt) {
}
