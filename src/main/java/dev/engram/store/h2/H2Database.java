package dev.engram.store.h2;

import dev.engram.core.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of one data folder ({@code <dir>/profile.mv.db}), its schema kept by
 * Flyway. Commits are written at once ({@code WRITE_DELAY=0}), so a committed change survives
 * the process being killed.
 */
public final class H2Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);

    private final JdbcConnectionPool pool;

    private H2Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    public static H2Database open(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("profile").toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "engram", "");
        pool.setMaxConnections(16);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw unavailable(directory, e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration/h2").load().migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreUnavailableException("Could not prepare the profile store at " + directory + ": "
                    + e.getMessage(), e);
        }
        LOG.info("Opened profile store {}", directory);
        return new H2Database(pool);
    }

    private static StoreUnavailableException unavailable(Path directory, SQLException e) {
        if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new StoreUnavailableException("The profile store at " + directory
                    + " is in use by another Engram process. Close the other Engram window or server,"
                    + " or use a different --data-dir.", e);
        }
        return new StoreUnavailableException("Could not open the profile store at " + directory + ": "
                + e.getMessage(), e);
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Profile store error: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Profile store did not shut down cleanly", e);
        } finally {
            pool.dispose();
        }
    }
}
