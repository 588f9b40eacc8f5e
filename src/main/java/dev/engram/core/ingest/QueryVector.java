package dev.engram.core.ingest;

import dev.engram.core.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A search query's vector, embedded at most once however many memory types the search reads
 * (episodes and profile facts both rank by it). With an executor, {@link #prefetch} starts the
 * embedding in the background, so that a search's reads that need no vector (recent episodes,
 * full text) overlap it; otherwise it is embedded when first needed.
 */
public final class QueryVector implements Supplier<float[]> {
    private final Embedder embedder;
    private final String query;
    private final Executor executor;
    private CompletableFuture<float[]> pending;
    private float[] vector;

    public QueryVector(Embedder embedder, String query) {
        this(embedder, query, null);
    }

    /** {@code executor}: where {@link #prefetch} embeds; null embeds on first use only. */
    public QueryVector(Embedder embedder, String query, Executor executor) {
        this.embedder = embedder;
        this.query = query;
        this.executor = executor;
    }

    public String query() {
        return query;
    }

    /** Starts embedding on the executor, if there is one and it has not started yet. */
    public synchronized QueryVector prefetch() {
        if (executor != null && pending == null && vector == null) {
            pending = CompletableFuture.supplyAsync(() -> embedder.embedQuery(query), executor);
        }
        return this;
    }

    /**
     * Runs {@code work} once the vector is ready: on the executor, right after the background
     * embedding, when one was {@link #prefetch}ed; otherwise here and now. {@link Futures#await}
     * gives its result or rethrows its exception.
     */
    public synchronized <T> CompletableFuture<T> whenReady(Supplier<T> work) {
        if (pending != null) {
            return pending.thenApplyAsync(vector -> work.get(), executor);
        }
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized float[] get() {
        if (vector == null) {
            vector = pending == null ? embedder.embedQuery(query) : Futures.await(pending);
            pending = null;
        }
        return vector;
    }
}
