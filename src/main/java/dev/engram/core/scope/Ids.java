package dev.engram.core.scope;

import dev.engram.core.InvalidInputException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules every identifier and metadata key must follow. Checked at the edge of the core so
 * that no store ever sees an id with a slash, a quote or a control character.
 */
public final class Ids {
    /** MemMachine's SafeId: Unicode letters and digits, {@code _}, {@code -}, {@code :}. */
    private static final Pattern SAFE_ID = Pattern.compile("[\\p{L}\\p{N}_:-]+");
    /** Producers are often names or e-mail addresses: SafeId plus {@code . @ +} and single inner spaces. */
    private static final Pattern ACTOR = Pattern.compile("[\\p{L}\\p{N}_:.@+-]+(?: [\\p{L}\\p{N}_:.@+-]+)*");
    /** Metadata keys appear in filters as {@code m.<key>}, so they use the filter's word characters. */
    private static final Pattern METADATA_KEY = Pattern.compile("[\\p{L}\\p{N}_.:-]+");

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_ACTOR_LENGTH = 256;
    public static final int MAX_METADATA_ENTRIES = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 16 * 1024;

    private Ids() {
    }

    public static String requireSafeId(String field, String value) {
        requirePresent(field, value);
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (!SAFE_ID.matcher(value).matches()) {
            throw new InvalidInputException(field,
                    "may contain only letters, digits, '_', '-' and ':' (got " + quote(value) + ")");
        }
        return value;
    }

    public static String requireActor(String field, String value) {
        requirePresent(field, value);
        if (value.length() > MAX_ACTOR_LENGTH) {
            throw new InvalidInputException(field, "must be at most " + MAX_ACTOR_LENGTH + " characters");
        }
        if (!ACTOR.matcher(value).matches()) {
            throw new InvalidInputException(field, "may contain only letters, digits, single spaces and"
                    + " '_', '-', ':', '.', '@', '+' (got " + quote(value) + ")");
        }
        return value;
    }

    /** Like {@link #requireActor} but null or blank means "absent" and gives null. */
    public static String optionalActor(String field, String value) {
        return value == null || value.isBlank() ? null : requireActor(field, value);
    }

    public static String requireMetadataKey(String field, String key) {
        requirePresent(field, key);
        if (key.length() > MAX_ID_LENGTH || !METADATA_KEY.matcher(key).matches()) {
            throw new InvalidInputException(field, "metadata key " + quote(key) + " may contain only letters,"
                    + " digits, '_', '.', '-' and ':' (at most " + MAX_ID_LENGTH + " characters)");
        }
        return key;
    }

    /** Validates a metadata map and returns an immutable copy (null gives an empty map). */
    public static Map<String, String> requireMetadata(String field, Map<String, String> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw new InvalidInputException(field, "at most " + MAX_METADATA_ENTRIES + " entries are allowed");
        }
        metadata.forEach((key, value) -> {
            requireMetadataKey(field, key);
            if (value == null) {
                throw new InvalidInputException(field + "." + key, "must be a string, not null");
            }
            requireWellFormed(field + "." + key, value);
            if (value.length() > MAX_METADATA_VALUE_LENGTH) {
                throw new InvalidInputException(field + "." + key,
                        "must be at most " + MAX_METADATA_VALUE_LENGTH + " characters");
            }
        });
        return Map.copyOf(metadata);
    }

    /** Rejects text with an unpaired UTF-16 surrogate: it is not Unicode and cannot be encoded. */
    public static String requireWellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "is not valid Unicode (unpaired surrogate at index " + i + ")");
            }
        }
        return value;
    }

    private static void requirePresent(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(60).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(value.codePointCount(0, value.length()) > 60 ? "...'" : "'").toString();
    }
}
