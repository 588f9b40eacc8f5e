package dev.engram.store.h2;

import dev.engram.core.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded, file-mode H2 database ({@code <directory>/<name>.mv.db}) with its schema
 * migrated by Flyway from {@code classpath:db/migration/h2}. One process, one opener: a second
 * open of the same database, from this JVM or another process, is refused with a
 * {@link StoreUnavailableException}. A committed transaction is written to the file before
 * the commit returns, and written where a reopen after a crash finds it, so it survives the JVM
 * being killed (not necessarily an OS crash or power loss: nothing is fsynced on commit).
 */
public final class H2Database implements AutoCloseable {
    public static final String DEFAULT_NAME = "profile";
    static final String MIGRATIONS = "classpath:db/migration/h2";

    /**
     * FILE_LOCK=FS: an OS lock on the data file, released by the OS if the process dies (no
     * stale lock file to wait out). WRITE_DELAY=0: every commit writes the store before it
     * returns. REUSE_SPACE=FALSE: every commit's chunk is appended at the end of the file. H2
     * 2.5.252 otherwise writes chunks into freed space (once a store has been open for
     * RETENTION_TIME, 45 s, or at once when it reopens with free space), and the store header it
     * writes then still names the previous chunk (RandomAccessStore.writeChunk runs before
     * FileStore.storeBuffer sets lastChunk), so after a crash the reopen stops at the previous
     * chunk and the acknowledged commit is gone. The chunk at the end of the file is always found.
     * The file grows with every commit while open (tens of KB per fact add): {@link #close()}
     * compacts it, and so does a write that finds it grown past {@link #compactAtBytes}.
     * DB_CLOSE_ON_EXIT=FALSE: {@link #close()} closes it, in the app's own order.
     */
    private static final String DURABLE_OPTIONS = ";FILE_LOCK=FS;WRITE_DELAY=0;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE";
    private static final String URL_OPTIONS = DURABLE_OPTIONS
            + ";AUTO_SERVER=FALSE;DEFAULT_LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
    /** Below this share of live data in the file, closing rewrites the file with only live data. */
    static final int COMPACT_BELOW_LIVE_PERCENT = 50;
    /** An open file may grow by this much, or by its own size if larger, before it is compacted. */
    static final long DEFAULT_GROWTH_BYTES = 64L << 20;
    private static final Logger log = LoggerFactory.getLogger(H2Database.class);

    private final Path dataFile;
    private final ProcessLock lock;
    private final String url;
    private final boolean appendOnly;
    /** Transactions hold it shared; compaction, which closes and reopens H2, holds it exclusively. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock gate = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger compactions = new java.util.concurrent.atomic.AtomicInteger();
    private volatile JdbcConnectionPool pool;
    private volatile long growthBytes = DEFAULT_GROWTH_BYTES;
    private volatile long compactAtBytes;
    private volatile boolean closed;

    private H2Database(Path dataFile, ProcessLock lock, String url, JdbcConnectionPool pool, boolean appendOnly) {
        this.dataFile = dataFile;
        this.lock = lock;
        this.url = url;
        this.pool = pool;
        this.appendOnly = appendOnly;
        this.compactAtBytes = nextCompaction();
    }

    /** Opens (creating when needed) {@code <directory>/profile.mv.db}. */
    public static H2Database open(Path directory) {
        return open(directory, DEFAULT_NAME);
    }

    public static H2Database open(Path directory, String name) {
        return open(directory, name, URL_OPTIONS, true);
    }

    /**
     * Opens with H2's own space reuse, the settings before REUSE_SPACE=FALSE: only for the
     * benchmark's "before" figure ({@code engram bench h2}), never for data anyone keeps.
     */
    static H2Database openReusingSpaceForBenchmark(Path directory) {
        return open(directory, DEFAULT_NAME, URL_OPTIONS.replace(";REUSE_SPACE=FALSE", ""), false);
    }

    private static H2Database open(Path directory, String name, String urlOptions, boolean appendOnly) {
        Path dir = directory.toAbsolutePath().normalize();
        Path dataFile = dir.resolve(name + ".mv.db");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("database name must be letters, digits, '_' or '-': " + name);
        }
        if (dir.toString().contains(";")) {
            throw new StoreUnavailableException("Cannot use " + dataFile + " for the profile database:"
                    + " the path must not contain ';'. Choose another data directory.", null);
        }
        ProcessLock lock = ProcessLock.acquire(dir, name, dataFile);
        JdbcConnectionPool pool = null;
        try {
            String url = "jdbc:h2:file:" + dir.resolve(name) + urlOptions;
            pool = pool(url);
            migrate(pool, dataFile);
            log.info("Opened profile database {}", dataFile);
            return new H2Database(dataFile, lock, url, pool, appendOnly);
        } catch (SQLException e) {
            dispose(pool);
            lock.release();
            throw OpenFailures.translate(e, dataFile);
        } catch (RuntimeException e) {
            dispose(pool);
            lock.release();
            throw e;
        }
    }

    private static JdbcConnectionPool pool(String url) throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException | RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return pool;
    }

    private static void migrate(JdbcConnectionPool pool, Path dataFile) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("The profile database " + dataFile + " could not be brought"
                    + " up to date (" + e.getMessage() + "). If it was written by a newer Engram, run that"
                    + " version; otherwise restore the file from a backup.", e);
        }
    }

    /** The database file, {@code <directory>/<name>.mv.db}. */
    public Path dataFile() {
        return dataFile;
    }

    /**
     * Writes the whole database as an SQL script (schema, rows, identity counters) while it stays
     * open and in use: {@code SCRIPT} run in one SNAPSHOT transaction, so the script is the
     * database as of one moment, with every transaction committed before it. (H2's file-copying
     * {@code BACKUP TO} was tried first: under load its copy sometimes lacked a committed delete.)
     */
    public void backupTo(Path scriptFile) {
        String target = scriptFile.toAbsolutePath().toString();
        gate.readLock().lock();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                s.execute("SCRIPT TO '" + target.replace("'", "''") + "' CHARSET 'UTF-8'");
                c.commit();
            } finally {
                c.rollback();
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Could not back up the profile database " + dataFile + " to "
                    + target + " (" + e.getMessage() + "). Check that the folder is writable and the disk not full.", e);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Creates {@code <directory>/profile.mv.db} from a script {@link #backupTo} wrote (a restore
     * into a folder without a profile database); the database is closed again afterwards.
     */
    public static void restore(Path directory, Path scriptFile) {
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(DEFAULT_NAME + ".mv.db"))) {
            throw new StoreUnavailableException("Cannot restore the profile database into " + dir
                    + ": it has one already. Restore into a new folder.", null);
        }
        String url = "jdbc:h2:file:" + dir.resolve(DEFAULT_NAME) + DURABLE_OPTIONS;
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + scriptFile.toAbsolutePath().toString().replace("'", "''") + "' CHARSET 'UTF-8'");
            shutdown(s);
        } catch (SQLException e) {
            throw new StoreUnavailableException("Could not restore the profile database into " + dir + " ("
                    + e.getMessage() + "). The backup may be damaged.", e);
        }
    }

    /** Held shared by every transaction, so that compaction can wait for them and keep new ones out. */
    java.util.concurrent.locks.Lock shared() {
        return gate.readLock();
    }

    /**
     * Called after each committed write transaction, outside the {@link #shared()} lock: when the
     * file has grown past {@link #compactAtBytes}, closes H2 with {@code SHUTDOWN COMPACT} and
     * reopens it, in-flight transactions finished first and new ones waiting meanwhile.
     */
    void written() {
        if (!appendOnly || writes.incrementAndGet() % 16 != 0 || gate.getReadHoldCount() > 0
                || size() < compactAtBytes) {
            return;
        }
        gate.writeLock().lock();
        try {
            if (closed || size() < compactAtBytes) {
                return;
            }
            long before = size();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                log.warn("Compacting the profile database {} failed: {}", dataFile, e.getMessage());
            }
            dispose(pool);
            try {
                pool = pool(url);
            } catch (SQLException e) {
                throw new StoreUnavailableException("The profile database " + dataFile + " could not be reopened after"
                        + " compacting it (" + e.getMessage() + "). Restart Engram.", e);
            }
            compactAtBytes = nextCompaction();
            compactions.incrementAndGet();
            log.info("Compacted profile database {} from {} to {} bytes", dataFile, before, size());
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** For tests: compact once the open file has grown by this many bytes (or its own size if larger). */
    void compactWhenGrownBy(long bytes) {
        growthBytes = bytes;
        compactAtBytes = nextCompaction();
    }

    /** How many times the open file was compacted. */
    int compactions() {
        return compactions.get();
    }

    private long nextCompaction() {
        long size = size();
        return size + Math.max(size, growthBytes);
    }

    private long size() {
        try {
            return Files.size(dataFile);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A pooled connection; the caller closes it (returns it to the pool). */
    Connection connection() throws SQLException {
        if (closed) {
            throw new StoreUnavailableException("The profile database " + dataFile + " is closed.", null);
        }
        return pool.getConnection();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        gate.writeLock().lock();
        closed = true;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (appendOnly) {
                shutdown(s);
            } else {
                s.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            log.warn("Profile database {} did not shut down cleanly: {}", dataFile, e.getMessage());
        } finally {
            dispose(pool);
            lock.release();
            gate.writeLock().unlock();
        }
        log.info("Closed profile database {}", dataFile);
    }

    /**
     * Closes the database. With space reuse off the file only grows while open, so when less
     * than half of it is live data it is rewritten with the live data alone ({@code SHUTDOWN
     * COMPACT}: H2 writes a new file beside it and renames it over the old one, so a kill in the
     * middle leaves the old file, and the next open removes the half-written one).
     */
    private static void shutdown(Statement s) throws SQLException {
        s.execute(livePercent(s) < COMPACT_BELOW_LIVE_PERCENT ? "SHUTDOWN COMPACT" : "SHUTDOWN");
    }

    /** Live data as a share of the file: H2's used blocks times the live share of its chunks. */
    static int livePercent(Statement s) throws SQLException {
        long used = 100;
        long live = 100;
        try (java.sql.ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                long value = Long.parseLong(rs.getString(2));
                if (rs.getString(1).equals("info.FILL_RATE")) {
                    used = value;
                } else {
                    live = value;
                }
            }
        }
        return (int) (used * live / 100);
    }

    private static void dispose(JdbcConnectionPool pool) {
        if (pool != null) {
            pool.dispose();
        }
    }
}
