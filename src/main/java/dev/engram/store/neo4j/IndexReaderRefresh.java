package dev.engram.store.neo4j;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.schema.IndexDescriptor;
import org.neo4j.kernel.impl.api.index.IndexingService;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets searches of an index see its merged segments soon after a merge ends.
 * <p>
 * Neo4j reads a Lucene index through a reader it refreshes when a transaction has written to the
 * index, or at a checkpoint. Lucene merges an index's segments in the background after writes;
 * a merge that ends after the last refresh stays unseen until the next write or checkpoint, which
 * on a store that is only searched after an import may never come: every search then visits each
 * of the unmerged segments (at 100k episodes the vector step took p50 4.7-6.1 ms instead of
 * 1-2.5, BENCHMARKS.md). This refreshes the reader every {@code interval}; a refresh that finds
 * nothing new costs 10-40 µs (the transaction that finds the index included; measured on a LoCoMo
 * store). It goes through Neo4j's internal API (the version is pinned); if that is missing it logs
 * once and stops.
 */
final class IndexReaderRefresh implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexReaderRefresh.class);

    private final GraphDatabaseService db;
    private final String index;
    private final ScheduledExecutorService timer;

    private IndexReaderRefresh(GraphDatabaseService db, String index, Duration interval) {
        this.db = db;
        this.index = index;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("engram-index-refresh").daemon().factory());
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Refreshes {@code index}'s reader every {@code interval} until closed. */
    static IndexReaderRefresh every(Duration interval, GraphDatabaseService db, String index) {
        return new IndexReaderRefresh(db, index, interval);
    }

    private void tick() {
        try {
            refresh(db, index);
        } catch (LinkageError | ClassCastException e) {
            LOG.warn("Refreshing the {} index's reader is not possible with this Neo4j ({}); searches see merged"
                    + " segments at the next write or checkpoint", index, e.toString());
            timer.shutdown();
        } catch (RuntimeException e) {
            LOG.debug("Refreshing the {} index's reader failed: {}", index, e.toString());
        }
    }

    /** Refreshes the reader of the index named {@code index}; false when there is no such index (yet). */
    static boolean refresh(GraphDatabaseService db, String index) {
        IndexingService indexing = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(IndexingService.class);
        IndexDescriptor descriptor;
        try (Transaction tx = db.beginTx()) {
            descriptor = ((InternalTransaction) tx).kernelTransaction().schemaRead().indexGetForName(index);
        }
        if (descriptor == null || descriptor == IndexDescriptor.NO_INDEX) {
            return false;
        }
        try {
            indexing.getIndexProxy(descriptor).refresh();
            return true;
        } catch (org.neo4j.internal.kernel.api.exceptions.schema.IndexNotFoundKernelException e) {
            return false; // dropped meanwhile (a model change rebuilds it)
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
