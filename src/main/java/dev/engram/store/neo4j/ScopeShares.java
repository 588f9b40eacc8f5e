package dev.engram.store.neo4j;

import dev.engram.core.scope.Scope;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What wide vector searches have shown of each scope's share of the index, and so which scopes to
 * search filtered instead. A scope's share is the fraction of a wide search's candidates that were
 * the scope's, smoothed over its searches (the first sets it, each later one moves it by a third):
 * one query whose nearest episodes lie in other scopes does not send a big scope down the filtered
 * path, which costs a scope holding half of a 100k index 10-20 ms a search instead of 2 (at 100k a
 * single such query left a scope of 50k episodes filtered for the rest of the benchmark,
 * BENCHMARKS.md). A scope whose share is below what a wide search of the asked size needs is sparse,
 * searched filtered, and tried wide again after a while (scopes grow). At most {@link #CAPACITY}
 * scopes are remembered.
 */
final class ScopeShares {
    /** The weight of the newest search in a scope's smoothed share. */
    static final double WEIGHT = 1.0 / 3;
    static final Duration SPARSE_FOR = Duration.ofMinutes(5);
    /** Scopes remembered at most; when full, all are forgotten (each is judged again by its next search). */
    static final int CAPACITY = 8_192;

    private record Share(double share, long retryAt) {
    }

    private final LongSupplier nanoTime;
    private final Map<Scope, Share> shares = new ConcurrentHashMap<>();

    ScopeShares(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Whether to search the scope filtered: its share is below {@code needed} (the share of a wide
     * search's candidates that would fill the asked number of hits) and no new wide try is due.
     */
    boolean isSparse(Scope scope, double needed) {
        Share share = shares.get(scope);
        return share != null && share.share() < needed && nanoTime.getAsLong() - share.retryAt() < 0;
    }

    /** Records a wide search that saw {@code seen} candidates, {@code inScope} of them the scope's. */
    void observe(Scope scope, int inScope, int seen) {
        if (seen < 1) {
            return; // an empty index says nothing of the scope
        }
        double observed = (double) inScope / seen;
        if (shares.size() >= CAPACITY && !shares.containsKey(scope)) {
            shares.clear();
        }
        shares.compute(scope, (key, old) -> {
            double share = old == null ? observed : old.share() + WEIGHT * (observed - old.share());
            return new Share(share, nanoTime.getAsLong() + SPARSE_FOR.toNanos());
        });
    }

    /** The scope's smoothed share, or -1 before its first wide search. */
    double share(Scope scope) {
        Share share = shares.get(scope);
        return share == null ? -1 : share.share();
    }
}
