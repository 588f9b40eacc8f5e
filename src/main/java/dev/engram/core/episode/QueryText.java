package dev.engram.core.episode;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a query goes to full-text search. A question's interrogatives and auxiliary verbs
 * ("what", "when", "did", "would") say what kind of answer is wanted, not what it is about; in a
 * conversation store they match every turn that asks something, so they can be dropped before
 * BM25 scores the rest. The vector query always gets the question as written.
 */
public enum QueryText {
    /** The query as written. */
    KEEP,
    /** Without interrogatives and auxiliary verbs (the query as written if nothing else is left). */
    DROP_QUESTION_WORDS;

    static final Set<String> QUESTION_WORDS = Set.of(
            "what", "when", "where", "which", "who", "whom", "whose", "why", "how",
            "do", "does", "did", "is", "are", "was", "were", "am", "be", "been", "being",
            "has", "have", "had", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "likely");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    public String of(String query) {
        if (this == KEEP) {
            return query;
        }
        StringBuilder kept = new StringBuilder(query.length());
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            String word = m.group();
            String bare = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            int apostrophe = bare.indexOf('\'');
            if (QUESTION_WORDS.contains(apostrophe < 0 ? bare : bare.substring(0, apostrophe))) {
                continue; // "what", "what's", "who'd"
            }
            if (!kept.isEmpty()) {
                kept.append(' ');
            }
            kept.append(word);
        }
        return kept.isEmpty() ? query : kept.toString();
    }
}
