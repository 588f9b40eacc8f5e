package dev.engram.store.h2;

import dev.engram.core.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Turns a failure to open the database into a message that says what to do. */
final class OpenFailures {
    private OpenFailures() {
    }

    static StoreUnavailableException alreadyOpen(Path dataFile, Throwable cause) {
        return new StoreUnavailableException("The profile database " + dataFile + " is already in use by"
                + " another Engram (another window, `engram serve` or `engram mcp`, possibly in this same"
                + " process). Close the other one and try again, or start this one with a different data"
                + " directory.", cause);
    }

    static StoreUnavailableException translate(SQLException e, Path dataFile) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> alreadyOpen(dataFile, e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> new StoreUnavailableException(
                    "The profile database file " + dataFile + " is damaged or not an Engram database (H2 error "
                    + e.getErrorCode() + "). Restore it from a backup, or move it aside to start with an"
                    + " empty profile store.", e);
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> new StoreUnavailableException(
                    "The profile database file " + dataFile + " cannot be read or written (H2 error "
                    + e.getErrorCode() + "). Check the file's permissions and the free disk space; if the file"
                    + " is damaged, restore it from a backup, or move it aside to start with an empty profile"
                    + " store.", e);
            default -> new StoreUnavailableException("The profile database " + dataFile + " cannot be opened ("
                    + e.getMessage() + "). Check that the disk is not full and the directory is writable.", e);
        };
    }
}
