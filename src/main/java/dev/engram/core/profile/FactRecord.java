package dev.engram.core.profile;

import java.util.List;

/**
 * A fact with everything it carries: its current state, its superseded values (oldest first)
 * and its history rows (oldest first). What an export writes and an import stores.
 */
public record FactRecord(ProfileFact fact, List<FactVersion> versions, List<FactChange> history) {
    public FactRecord {
        versions = List.copyOf(versions);
        history = List.copyOf(history);
    }
}
