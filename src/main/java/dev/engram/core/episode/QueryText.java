package dev.engram.core.episode;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a query goes to full-text search. A question's interrogatives and auxiliary verbs
 * ("what", "when", "did", "would") say what kind of answer is wanted, not what it is about; in a
 * conversation store they match every turn that asks something, so they can be dropped before
 * BM25 scores the rest. Personal pronouns ("her", "his", "they") stand for someone the question
 * names or the speaker; in a conversation nearly every turn has some (the English analyzer keeps
 * them: its stop list has only articles, conjunctions and prepositions), so they too add matches
 * without adding meaning (written in capitals, "US" and "IT" are kept: they name something). The
 * vector query always gets the question as written.
 */
public enum QueryText {
    /** The query as written. */
    KEEP,
    /** Without interrogatives and auxiliary verbs (the query as written if nothing else is left). */
    DROP_QUESTION_WORDS,
    /** Without interrogatives, auxiliary verbs and personal pronouns (the query as written if nothing else is left). */
    DROP_QUESTION_WORDS_AND_PRONOUNS;

    static final Set<String> QUESTION_WORDS = Set.of(
            "what", "when", "where", "which", "who", "whom", "whose", "why", "how",
            "do", "does", "did", "is", "are", "was", "were", "am", "be", "been", "being",
            "has", "have", "had", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "likely");
    static final Set<String> PRONOUNS = Set.of(
            "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves",
            "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
            "we", "us", "our", "ours", "ourselves", "they", "them", "their", "theirs", "themselves");
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
            if (dropped(apostrophe < 0 ? bare : bare.substring(0, apostrophe), word)) {
                continue; // "what", "what's", "who'd", "they're"
            }
            if (!kept.isEmpty()) {
                kept.append(' ');
            }
            kept.append(word);
        }
        return kept.isEmpty() ? query : kept.toString();
    }

    private boolean dropped(String bare, String written) {
        return QUESTION_WORDS.contains(bare)
                || (this == DROP_QUESTION_WORDS_AND_PRONOUNS && PRONOUNS.contains(bare) && !isAcronym(written));
    }

    /** "US", "IT": capitals of two letters or more name something; "I" and "Her" are pronouns. */
    private static boolean isAcronym(String written) {
        return written.length() > 1 && written.chars().allMatch(Character::isUpperCase);
    }
}
