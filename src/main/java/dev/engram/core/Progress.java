package dev.engram.core;

/** Receives progress of long work (re-embedding, imports, bulk deletes). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (task, done, total) -> { };

    /** {@code total} is -1 when unknown. */
    void update(String task, long done, long total);
}
