package dev.engram.core.ingest;

import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The persistent queue of episodes waiting for fact extraction, per profile set. Rows survive
 * restarts; a batch that failed for good is kept, marked failed with the model's error, until
 * it is retried.
 */
public interface ExtractionQueue {

    /** A profile set with episodes waiting. */
    record WaitingSet(Scope scope, String setId, String producer, int pending, Instant oldest) {
    }

    /** A batch that failed for good, with the error that ended it. */
    record FailedBatch(String setId, List<Long> episodeUids, String error, Instant failedAt) {
    }

    /** The last extraction run of a project: when, and the error if it failed. */
    record LastRun(Instant at, String error) {
    }

    /** Queues episodes for a set; an episode already queued for it stays queued once. */
    void enqueue(Scope scope, String setId, String producer, Collection<Long> episodeUids, Instant at);

    /** Every set with pending (not failed) episodes, in every scope. */
    List<WaitingSet> waiting();

    /** Up to {@code limit} pending episode uids of the set, oldest queued first. */
    List<Long> pending(Scope scope, String setId, int limit);

    /** Removes episodes that were extracted (or no longer exist). */
    void done(Scope scope, String setId, Collection<Long> episodeUids);

    /** Marks a batch failed for good with the error. */
    void fail(Scope scope, String setId, Collection<Long> episodeUids, String error, Instant at);

    /** Puts the scope's failed batches back in the queue; returns how many episodes. */
    int retryFailed(Scope scope);

    /** Forgets everything queued for the scope (its project was deleted). */
    void forget(Scope scope);

    int pendingCount(Scope scope);

    List<FailedBatch> failed(Scope scope);

    void recordRun(Scope scope, Instant at, String error);

    Optional<LastRun> lastRun(Scope scope);
}
