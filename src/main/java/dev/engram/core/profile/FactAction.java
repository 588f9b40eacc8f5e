package dev.engram.core.profile;

/** What a history row records. */
public enum FactAction {
    ADD, UPDATE, ARCHIVE, RESTORE, DELETE, UNCITE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
