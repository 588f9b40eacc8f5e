package dev.engram.core.memory;

import dev.engram.core.Cancellation;
import dev.engram.core.NotFoundException;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Forgets many episodes in batches, with progress and a cancel between batches. The episodes to
 * delete are fixed when the work starts (those that match then; an episode added meanwhile is
 * kept). Each batch is one all-or-nothing delete; a cancelled run keeps what it already deleted
 * and reports it. An episode deleted meanwhile by someone else is skipped, not an error.
 */
public final class BulkDeletion {
    /** Episodes deleted per transaction. */
    public static final int BATCH = 500;
    private static final int LISTING_PAGE = 2_000;

    private final MemoryService memory;

    public BulkDeletion(MemoryService memory) {
        this.memory = memory;
    }

    /** What a run did: how many of how many were deleted, and whether it was cancelled. */
    public record Outcome(long deleted, long matched, boolean cancelled) {
    }

    /** Deletes every episode of the scope that passes the filter's episodic part. */
    public Outcome deleteMatching(Scope scope, Filter filter, String actor, Progress progress, Cancellation cancel) {
        long expected = memory.countEpisodes(scope, filter);
        List<Long> uids = new ArrayList<>();
        for (int page = 0; ; page++) {
            if (cancel.isCancelled()) {
                return new Outcome(0, expected, true);
            }
            progress.update("Finding the episodes to delete", uids.size(), expected);
            List<Episode> episodes = memory.episodes().page(scope, filter, new PageRequest(LISTING_PAGE, page),
                    Order.OLDEST_FIRST);
            episodes.forEach(e -> uids.add(e.uid()));
            if (episodes.size() < LISTING_PAGE) {
                break;
            }
        }
        return delete(scope, uids, actor, progress, cancel);
    }

    /** Deletes these episodes of the scope (unknown uids are skipped). */
    public Outcome delete(Scope scope, List<Long> uids, String actor, Progress progress, Cancellation cancel) {
        long deleted = 0;
        String task = String.format("Deleting %,d episodes", uids.size());
        progress.update(task, 0, uids.size());
        for (int from = 0; from < uids.size(); from += BATCH) {
            if (cancel.isCancelled()) {
                return new Outcome(deleted, uids.size(), true);
            }
            List<Long> batch = uids.subList(from, Math.min(uids.size(), from + BATCH));
            deleted += deleteBatch(scope, batch, actor);
            progress.update(task, from + batch.size(), uids.size());
        }
        return new Outcome(deleted, uids.size(), false);
    }

    private long deleteBatch(Scope scope, List<Long> batch, String actor) {
        try {
            memory.deleteEpisodes(scope, batch, actor);
            return batch.size();
        } catch (NotFoundException gone) {
            // Someone deleted one of them meanwhile: delete those still there.
            List<Long> present = memory.episodes().existing(scope, batch);
            if (present.isEmpty()) {
                return 0;
            }
            memory.deleteEpisodes(scope, present, actor);
            return present.size();
        }
    }
}
