package dev.engram.store.h2;

import dev.engram.core.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock file beside the database. H2 shares one open database between all connections of
 * a JVM, so its own file lock cannot refuse a second opener inside the same process; a JVM
 * file lock can (it refuses overlapping locks in this JVM and in other processes).
 */
record ProcessLock(FileChannel channel, FileLock lock) {
    private static final Logger log = LoggerFactory.getLogger(ProcessLock.class);

    static ProcessLock acquire(Path dir, String name, Path dataFile) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw OpenFailures.alreadyOpen(dataFile, null);
            }
            return new ProcessLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw OpenFailures.alreadyOpen(dataFile, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreUnavailableException("Cannot create or lock the profile database in " + dir
                    + " (" + e.getMessage() + "). Check that the directory exists and is writable.", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    void release() {
        try {
            lock.release();
        } catch (IOException e) {
            log.debug("Releasing the lock of the profile database failed", e);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Closing the profile database lock file failed", e);
            }
        }
    }
}
