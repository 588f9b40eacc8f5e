package dev.engram.store.h2;

import dev.engram.core.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs one unit of work as one short transaction on a pooled connection: committed when it
 * returns, rolled back when it throws. Domain exceptions pass through unchanged after the
 * rollback; a {@link SQLException} becomes a {@link StoreUnavailableException}.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final H2Database database;

    Transactions(H2Database database) {
        this.database = database;
    }

    /** A read-write transaction (READ COMMITTED; the work locks the rows it changes). */
    <T> T write(Work<T> work) {
        T result = run(work, Connection.TRANSACTION_READ_COMMITTED);
        database.written();
        return result;
    }

    /** A read: one consistent snapshot across all of its statements. */
    <T> T read(Work<T> work) {
        return run(work, Connection.TRANSACTION_REPEATABLE_READ);
    }

    private <T> T run(Work<T> work, int isolation) {
        java.util.concurrent.locks.Lock shared = database.shared();
        shared.lock();
        try {
            return runShared(work, isolation);
        } finally {
            shared.unlock();
        }
    }

    private <T> T runShared(Work<T> work, int isolation) {
        try (Connection connection = database.connection()) {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("The profile store failed (" + e.getMessage() + ")."
                    + " Nothing was changed. If this repeats, restart Engram; check that the disk is not full.", e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
