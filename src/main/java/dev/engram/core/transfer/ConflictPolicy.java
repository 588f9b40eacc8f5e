package dev.engram.core.transfer;

/**
 * What an import does with a record that is already stored (same identity, see
 * {@link ImportKeys}) but differs: keep what is stored, or take the imported state.
 */
public enum ConflictPolicy {
    SKIP, REPLACE
}
