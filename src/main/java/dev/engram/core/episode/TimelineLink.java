package dev.engram.core.episode;

import java.time.Instant;

/**
 * Where an episode sits in its scope's timeline: when it was said, the episodes just before and
 * after it ({@code null} at either end, or when the neighbour does not pass the search's filter),
 * and whether it is a question (its text ends with a question mark).
 */
public record TimelineLink(long uid, Instant createdAt, Long previous, Long next, boolean question) {
}
