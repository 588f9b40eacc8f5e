package dev.engram.core.ingest;

import java.time.Duration;

/**
 * When and how profile facts are extracted in the background. A profile set is extracted when it
 * has {@code triggerMessages} new messages or its oldest waiting message is {@code triggerAge}
 * old (MemMachine's defaults: 5 messages, 5 minutes), or on demand. Invalid model output is
 * retried {@code maxAttempts} times in all, waiting {@code retryBackoff} doubled each time; then
 * the batch is marked failed. A tag with {@code consolidateAt} or more active facts is
 * consolidated.
 */
public record ExtractionSettings(boolean enabled, int triggerMessages, Duration triggerAge, int batchSize,
                                 int maxAttempts, Duration retryBackoff, int consolidateAt, Duration pollInterval) {

    public ExtractionSettings {
        if (triggerMessages < 1 || batchSize < 1 || maxAttempts < 1 || consolidateAt < 2) {
            throw new IllegalArgumentException("extraction settings must be positive (consolidation at 2 or more)");
        }
        if (triggerAge.isNegative() || retryBackoff.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("extraction durations must not be negative");
        }
    }

    public static ExtractionSettings defaults() {
        return new ExtractionSettings(true, 5, Duration.ofMinutes(5), 5, 3, Duration.ofSeconds(2), 20,
                Duration.ofSeconds(2));
    }
}
