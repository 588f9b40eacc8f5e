package dev.engram.store.neo4j;

import dev.engram.core.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.GraphDatabaseSettings.CypherVersion;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.fleetmanagement.FleetManagementSettings;
import org.neo4j.kernel.api.impl.index.lucene.LuceneSettings;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Neo4j database of one data folder: opened with settings for a desktop store (no
 * usage reporting, small transaction logs, bounded page cache), schema ensured, closed once.
 */
public final class Neo4jDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jDatabase.class);
    /** Segments of the vector index merged at once (an internal Neo4j setting; see open). */
    static final int VECTOR_MERGE_FACTOR = 10;

    /** How often the vector index's reader is refreshed, so that searches see merges that ended. */
    static final Duration VECTOR_READER_REFRESH = Duration.ofSeconds(10);

    private final DatabaseManagementService management;
    private final GraphDatabaseService db;
    private final IndexReaderRefresh vectorReaderRefresh;

    private Neo4jDatabase(DatabaseManagementService management, GraphDatabaseService db) {
        this.management = management;
        this.db = db;
        this.vectorReaderRefresh = IndexReaderRefresh.every(VECTOR_READER_REFRESH, db, EpisodeSchema.VECTOR_INDEX);
    }

    /** Opens (creating if needed) the store under {@code directory}. */
    public static Neo4jDatabase open(Path directory, Settings settings) {
        long started = System.nanoTime();
        DatabaseManagementService management;
        try {
            management = new DatabaseManagementServiceBuilder(directory)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(FleetManagementSettings.fleet_manager_enabled, false)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // only the logs recovery needs (since the last checkpoint): Community has no online
                    // backup to replay them, Engram's backup is an export; "2 files" kept 32-48 MB
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                    // a log file is pruned whole once checkpointed, so the file being written stays: 2 MB
                    // files leave about 2 MB behind a closed store (16 MB files left 8.6 MB at 100k)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 2L * 1024 * 1024)
                    // a checkpoint a minute while writing (default 15): the logs kept for recovery stay
                    // about a minute of writes (a 100k bulk import grew them to 262 MB), and recovery after
                    // a crash replays less
                    .setConfig(GraphDatabaseSettings.check_point_interval_time, java.time.Duration.ofMinutes(1))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCacheBytes())
                    .setConfig(GraphDatabaseSettings.transaction_timeout, settings.transactionTimeout())
                    .setConfig(GraphDatabaseSettings.default_language, CypherVersion.Cypher25)
                    // the vector index merges its Lucene segments ten at a time (Neo4j's default: fifty);
                    // a search visits every segment, and at 100k episodes 32 segments made a wide
                    // search of 800 candidates take 19 ms against 1.2 ms with 10 (BENCHMARKS.md)
                    .setConfig(LuceneSettings.vector_standard_merge_factor, VECTOR_MERGE_FACTOR)
                    .build();
        } catch (RuntimeException e) {
            throw unavailable(directory, e);
        }
        try {
            GraphDatabaseService db = management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Neo4jDatabase database = new Neo4jDatabase(management, db);
            LOG.info("Opened episode store {} in {} ms", directory, (System.nanoTime() - started) / 1_000_000);
            return database;
        } catch (RuntimeException e) {
            management.shutdown();
            throw unavailable(directory, e);
        }
    }

    private static StoreUnavailableException unavailable(Path directory, RuntimeException e) {
        String causes = causeChain(e);
        if (causes.contains("FileLockException") || causes.contains("lock")) {
            return new StoreUnavailableException("The episode store at " + directory
                    + " is in use by another Engram process. Close the other Engram window or server,"
                    + " or use a different --data-dir.", e);
        }
        return new StoreUnavailableException("Could not open the episode store at " + directory + ": "
                + e.getMessage(), e);
    }

    private static String causeChain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** Runs {@code work} in one write transaction and commits it. */
    public <T> T write(Function<Transaction, T> work) {
        try (Transaction tx = db.beginTx()) {
            T result = work.apply(tx);
            tx.commit();
            return result;
        }
    }

    /** Runs {@code work} in a transaction that is not committed (reads). */
    public <T> T read(Function<Transaction, T> work) {
        try (Transaction tx = db.beginTx()) {
            return work.apply(tx);
        }
    }

    /** Runs a schema statement in its own transaction. */
    void schema(String statement, Map<String, Object> params) {
        try (Transaction tx = db.beginTx()) {
            tx.execute(statement, params).close();
            tx.commit();
        }
    }

    void awaitIndexes(Duration timeout) {
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Refreshes the reader of the index named {@code index} now; false when there is no such index. */
    boolean refreshReader(String index) {
        return IndexReaderRefresh.refresh(db, index);
    }

    @Override
    public void close() {
        vectorReaderRefresh.close();
        management.shutdown();
    }

    /** Tuning of the embedded database. */
    public record Settings(long pageCacheBytes, Duration transactionTimeout) {
        public static Settings defaults() {
            return new Settings(128L * 1024 * 1024, Duration.ofMinutes(5));
        }
    }
}
