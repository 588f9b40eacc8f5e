package dev.engram.core.ingest;

import java.time.Instant;

/**
 * What the short-term summarizer is doing, for display: whether it runs, when it last tried and
 * last succeeded, the last failure (null once a later fold succeeds) and when it retries, how many
 * folds it has written since start, and how many (project, producer) pairs wait to be checked.
 */
public record SummarizerState(boolean running, Instant lastRun, Instant lastSuccess, String lastError,
                              Instant retryAt, long folds, int pending) {
    public static final SummarizerState STOPPED = new SummarizerState(false, null, null, null, null, 0, 0);
}
