package dev.engram.core.transfer;

import dev.engram.core.scope.Scope;

/**
 * How to import: into {@code target} (null: the scope an Engram export names, else {@code universal/universal}), with a conflict
 * policy. {@code keepUids} stores episodes under their source uids (a restore into an empty
 * store); {@code includeFacts} false leaves an export's facts out (a restore brings them otherwise).
 */
public record ImportOptions(Scope target, ConflictPolicy policy, boolean keepUids, boolean includeFacts) {
    public static ImportOptions into(Scope target, ConflictPolicy policy) {
        return new ImportOptions(target, policy, false, true);
    }
}
