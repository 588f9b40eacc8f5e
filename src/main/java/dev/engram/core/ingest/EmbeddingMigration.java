package dev.engram.core.ingest;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store's vectors into the embedder's space: a new store adopts it, a store made with
 * another model is reset and re-embedded in batches (with progress, cancellable, resumable:
 * what is left stale is picked up the next time).
 */
public final class EmbeddingMigration {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingMigration.class);
    private static final int BATCH = 128;

    private final Embedder embedder;

    public EmbeddingMigration(Embedder embedder) {
        this.embedder = embedder;
    }

    /** Whether the store needs a reset (its vectors come from another model). */
    public boolean needsReset(VectorMaintenance store) {
        Optional<EmbeddingSpace> current = store.embeddingSpace();
        return current.isPresent() && !current.get().equals(embedder.space());
    }

    /**
     * Makes the store adopt the embedder's space: a store made with another model has its vectors
     * marked stale (quick); the re-embedding itself is {@link #migrate}.
     */
    public void adopt(String name, VectorMaintenance store) {
        Optional<EmbeddingSpace> current = store.embeddingSpace();
        if (current.isEmpty() || !current.get().equals(embedder.space())) {
            LOG.info("{}: embedding space {} -> {}; re-embedding", name, current.map(EmbeddingSpace::toString).orElse("none"),
                    embedder.space());
            store.resetEmbeddingSpace(embedder.space());
        }
    }

    /** Whether the store has items without a vector of the current space. */
    public boolean pending(VectorMaintenance store) {
        return !store.staleEmbeddings(1).isEmpty();
    }

    /**
     * Adopts the space and re-embeds what is stale; returns how many items were (re-)embedded.
     * Cancelling stops between batches with a {@link java.util.concurrent.CancellationException};
     * what is left stale is picked up by the next run.
     */
    public long migrate(String name, VectorMaintenance store, java.util.function.LongSupplier total, Progress progress,
                        Cancellation cancel) {
        adopt(name, store);
        long expected = -1; // counted only when there is work: a count is a query of its own
        String task = "Re-embedding " + name + " with " + embedder.space().modelId();
        long done = 0;
        while (true) {
            cancel.throwIfCancelled();
            Map<Long, String> stale = store.staleEmbeddings(BATCH);
            if (stale.isEmpty()) {
                break;
            }
            List<Long> ids = new ArrayList<>(stale.keySet());
            List<float[]> vectors = embedder.embedAll(new ArrayList<>(stale.values()));
            Map<Long, float[]> batch = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                batch.put(ids.get(i), vectors.get(i));
            }
            store.storeEmbeddings(batch);
            done += ids.size();
            if (expected < 0) {
                expected = total.getAsLong();
            }
            progress.update(task, done, Math.max(expected, done));
        }
        if (done > 0) {
            LOG.info("{}: re-embedded {} items", name, done);
        }
        return done;
    }
}
