package dev.engram.core.profile;

import dev.engram.core.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Deterministic profile-set ids in MemMachine's format
 * {@code mem_<kind>_org_<org>_project_<project>_<n>_<hash of tag keys>__<key_value...>}.
 * Unlike MemMachine, every set id names its project: a user's profile in one project is not
 * visible from another, and users of one project never share a profile.
 */
public final class SetIds {
    public static final String PRODUCER_KEY = "producer_id";

    private SetIds() {
    }

    /** The project-wide set. */
    public static String projectSet(Scope scope) {
        return setId("project_set", scope, Map.of());
    }

    /** The set holding one user's profile in the project. */
    public static String userSet(Scope scope, String producer) {
        return setId("user_set", scope, Map.of(PRODUCER_KEY, producer));
    }

    /** A set keyed by metadata values (MemMachine's custom set types). */
    public static String customSet(Scope scope, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return projectSet(scope);
        }
        if (tags.keySet().equals(java.util.Set.of(PRODUCER_KEY))) {
            return userSet(scope, tags.get(PRODUCER_KEY));
        }
        return setId("other_set", scope, tags);
    }

    /** The user whose set {@code setId} is, when it is a user set of this scope. */
    public static java.util.Optional<String> producerOf(Scope scope, String setId) {
        String marker = "__" + PRODUCER_KEY + "_";
        int at = setId.indexOf(marker);
        if (!setId.startsWith("mem_user_set_") || at < 0) {
            return java.util.Optional.empty();
        }
        String producer = setId.substring(at + marker.length());
        return !producer.isEmpty() && setId.equals(userSet(scope, producer))
                ? java.util.Optional.of(producer) : java.util.Optional.empty();
    }

    private static String setId(String kind, Scope scope, Map<String, String> tags) {
        TreeMap<String, String> sorted = new TreeMap<>(tags);
        String pairs = sorted.entrySet().stream()
                .map(e -> e.getKey() + "_" + e.getValue())
                .collect(Collectors.joining("_"));
        return "mem_" + kind + "_org_" + scope.orgId() + "_project_" + scope.projectId()
                + "_" + tags.size() + "_" + hashKeys(sorted.keySet()) + "__" + pairs;
    }

    /** First 6 bytes of SHAKE256 over the sorted keys, each followed by NUL, as MemMachine does. */
    static String hashKeys(Iterable<String> sortedKeys) {
        try {
            MessageDigest shake = MessageDigest.getInstance("SHAKE256-512");
            for (String key : sortedKeys) {
                shake.update(key.getBytes(StandardCharsets.UTF_8));
                shake.update((byte) 0);
            }
            byte[] digest = shake.digest();
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHAKE256", e);
        }
    }
}
