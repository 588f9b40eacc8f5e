package dev.engram.core.profile;

/** An archived fact is hidden from search but kept, and can be restored. */
public enum FactStatus {
    ACTIVE, ARCHIVED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
