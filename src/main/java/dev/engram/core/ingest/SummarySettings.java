package dev.engram.core.ingest;

import java.time.Duration;

/**
 * Short-term memory: a producer's episodes not yet folded into the summary may fill
 * {@code capacity} characters; past that, the oldest of them are folded into the summary by the
 * model. When the model cannot be reached or fails, the summarizer waits {@code retryBackoff},
 * doubled after each further failure up to {@code maxBackoff}, and tries again.
 */
public record SummarySettings(int capacity, Duration retryBackoff, Duration maxBackoff) {
    public static final int DEFAULT_CAPACITY = 16_000;
    public static final int MIN_CAPACITY = 100;

    public SummarySettings {
        if (capacity < MIN_CAPACITY) {
            throw new IllegalArgumentException("summary.capacity must be at least " + MIN_CAPACITY
                    + " characters (got " + capacity + ")");
        }
        if (retryBackoff.isNegative() || retryBackoff.isZero() || maxBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("summary retry backoff must be positive and at most the maximum");
        }
    }

    public static SummarySettings defaults() {
        return new SummarySettings(DEFAULT_CAPACITY, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    public SummarySettings withCapacity(int capacity) {
        return new SummarySettings(capacity, retryBackoff, maxBackoff);
    }

    /** The summary's length limit in words: capacity / 2 / 8, rounded up to the next 100 (as MemMachine). */
    public int maxWords() {
        int words = (int) Math.ceil(capacity / 2.0 / 8.0);
        return (words + 99) / 100 * 100;
    }

    /** How many characters of unfolded episodes one fold takes in (the oldest, half the window). */
    public int foldChars() {
        return capacity / 2;
    }
}
