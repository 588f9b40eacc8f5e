package dev.engram.core.ingest;

import dev.engram.core.scope.Ids;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.Objects;

/**
 * The rolling summary of one producer's episodes in one project: its text, the uid of the last
 * episode folded into it (episodes are folded in uid order, so every episode of the producer with
 * a uid up to {@code foldedThrough} is in it), how many episodes it covers, and when it was written.
 */
public record ShortTermSummary(Scope scope, String producer, String text, long foldedThrough, long foldedCount,
                               Instant updatedAt) {
    public ShortTermSummary {
        Objects.requireNonNull(scope, "scope");
        producer = Ids.requireActor("producer", producer);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (foldedThrough < 0 || foldedCount < 0) {
            throw new IllegalArgumentException("foldedThrough and foldedCount must not be negative");
        }
    }

    /** No summary yet: nothing folded. */
    public static ShortTermSummary none(Scope scope, String producer) {
        return new ShortTermSummary(scope, producer, "", 0, 0, Instant.EPOCH);
    }

    public boolean isEmpty() {
        return foldedCount == 0;
    }
}
