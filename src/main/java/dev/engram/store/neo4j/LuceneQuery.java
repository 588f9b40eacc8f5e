package dev.engram.store.neo4j;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds the Lucene query for full-text search. User text is lower-cased (so AND/OR/NOT are
 * words, not operators) and every character that is not a letter, digit or space is escaped, so
 * no user input can change the query's structure. The scope is a required clause on a one-token
 * field, so the index returns only the scope's episodes and scopes never crowd each other out.
 */
final class LuceneQuery {
    static final String TEXT_FIELD = "indexed_text";
    static final String SCOPE_FIELD = "scope_token";
    private static final int MAX_QUERY_CHARS = 2_000;

    private LuceneQuery() {
    }

    /** The query, or null when the text has no letter or digit to search for. */
    static String of(String scopeToken, String text) {
        String trimmed = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        if (trimmed.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(trimmed.length() + 16);
        trimmed.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                escaped.append(' ');
            } else {
                if (!Character.isLetterOrDigit(cp)) {
                    escaped.append('\\');
                }
                escaped.appendCodePoint(cp);
            }
        });
        return "+" + SCOPE_FIELD + ":" + scopeToken + " +" + TEXT_FIELD + ":(" + escaped + ")";
    }

    /** A single alphanumeric token naming the scope, stable across runs. */
    static String scopeToken(String orgId, String projectId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((orgId + "\u0000" + projectId).getBytes(StandardCharsets.UTF_8));
            return "s" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
