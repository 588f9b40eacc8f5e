package dev.engram.core.scope;

/**
 * The isolation unit: every memory belongs to exactly one organisation and project. Reads,
 * writes and deletes always name a scope; nothing crosses it.
 */
public record Scope(String orgId, String projectId) {
    /** MemMachine's default when a request omits {@code org_id} or {@code project_id}. */
    public static final String DEFAULT_ID = "universal";

    public Scope {
        Ids.requireSafeId("org_id", orgId);
        Ids.requireSafeId("project_id", projectId);
    }

    public static Scope of(String orgId, String projectId) {
        return new Scope(orgId, projectId);
    }

    /** Applies MemMachine's default ("universal") to a missing or empty id. */
    public static Scope withDefaults(String orgId, String projectId) {
        return new Scope(orEmpty(orgId), orEmpty(projectId));
    }

    private static String orEmpty(String id) {
        return id == null || id.isEmpty() ? DEFAULT_ID : id;
    }

    /** MemMachine's {@code session_key}: {@code org/project}. */
    public String key() {
        return orgId + "/" + projectId;
    }

    @Override
    public String toString() {
        return key();
    }
}
