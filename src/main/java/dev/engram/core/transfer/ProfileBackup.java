package dev.engram.core.transfer;

import java.nio.file.Path;

/** Writes a consistent copy of the profile database while it is in use (a backup's first part). */
@FunctionalInterface
public interface ProfileBackup {
    void writeTo(Path file);
}
