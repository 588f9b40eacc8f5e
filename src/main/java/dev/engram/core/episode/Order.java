package dev.engram.core.episode;

/** Time order of a listing (MemMachine lists oldest first). */
public enum Order {
    OLDEST_FIRST, NEWEST_FIRST
}
