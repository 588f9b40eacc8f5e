package dev.engram.core.transfer;

import dev.engram.core.profile.ProfileFact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The identity an import recognises records by, whatever file they come from:
 * <ul>
 *   <li>an episode is the same when producer, produced_for, role, created_at (to the
 *       millisecond) and content are the same: the same words said by the same person to the
 *       same person at the same moment;</li>
 *   <li>a fact is the same when its set, producer, category, tag, feature and creation time (to
 *       the microsecond) are the same: its value, status and citations may differ (a conflict).</li>
 * </ul>
 * Keys are SHA-256 over the fields, each followed by a NUL; nothing is stored for them: an import
 * computes the keys of what the target scope holds.
 */
public final class ImportKeys {
    private ImportKeys() {
    }

    public static String episode(String producer, String producedFor, String role, Instant createdAt, String content) {
        return hash(producer, producedFor, role, Long.toString(createdAt.toEpochMilli()), content);
    }

    /** The key of a fact as stored in (or already mapped to) the target scope. */
    public static String fact(ProfileFact fact) {
        return hash(fact.setId(), fact.producer(), fact.category(), fact.tag(), fact.feature(),
                Long.toString(fact.createdAt().getEpochSecond()), Integer.toString(fact.createdAt().getNano() / 1000));
    }

    private static String hash(String... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                if (field != null) {
                    sha.update(field.getBytes(StandardCharsets.UTF_8));
                } else {
                    sha.update((byte) 1); // null differs from ""
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
