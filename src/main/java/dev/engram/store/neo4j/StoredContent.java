package dev.engram.store.neo4j;

import java.util.Map;

/**
 * An episode's text is stored once. Its indexed text (what the full-text index reads and the
 * model embeds) is either "producer: content" or the content itself, so a new episode keeps only
 * that, marked {@link #FORM} {@link #SPEAKER} in the first case; its content is read back from
 * them (an episode without content property or mark: the indexed text is the content). Episodes written
 * before (or whose content was edited) keep a {@code content} property, which wins. At 100k
 * episodes this saves one string record of the store per episode, about 13 MB (BENCHMARKS.md).
 */
final class StoredContent {
    static final String CONTENT = "content";
    static final String INDEXED_TEXT = "indexed_text";
    /** {@link #SPEAKER} when the content is read out of the indexed text by dropping the speaker. */
    static final String FORM = "text_form";
    /** The indexed text is "producer: content". */
    static final long SPEAKER = 1;

    private StoredContent() {
    }

    /** Cypher reading the content of the episode bound to {@code e}. */
    static String cypher(String e) {
        return """
                coalesce(%1$s.content, CASE WHEN %1$s.text_form = 1 AND %1$s.indexed_text STARTS WITH %1$s.producer + ': '
                THEN substring(%1$s.indexed_text, size(%1$s.producer) + 2) ELSE %1$s.indexed_text END)""".formatted(e);
    }

    /** Puts the text of a new episode into its properties: the indexed text, and the content only when it cannot be read from that. */
    static void put(Map<String, Object> properties, String producer, String content, String indexedText) {
        properties.put(INDEXED_TEXT, indexedText);
        if (indexedText.equals(producer + ": " + content)) {
            properties.put(FORM, SPEAKER);
        } else if (!indexedText.equals(content)) {
            properties.put(CONTENT, content);
        }
    }

    /** The content from an episode node's properties ({@code content}, or {@code indexed_text}, {@code text_form} and {@code producer}). */
    static String of(Map<String, Object> properties) {
        if (properties.get(CONTENT) instanceof String content) {
            return content;
        }
        String text = (String) properties.get(INDEXED_TEXT);
        String prefix = properties.get("producer") + ": ";
        if (text != null && Long.valueOf(SPEAKER).equals(properties.get(FORM)) && text.startsWith(prefix)) {
            return text.substring(prefix.length());
        }
        return text;
    }
}
