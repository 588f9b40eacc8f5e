package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the model is asked when episodes are folded into a short-term summary. The structure is
 * MemMachine's (a system prompt, and a user message with the previous summary, the episodes and a
 * length limit in words); the wording is Engram's own.
 */
public final class SummaryPrompt {
    static final String SYSTEM = """
            You keep the running memory of a conversation for an assistant that will read it later in \
            place of the messages themselves. Write a summary that is brief but drops no detail that \
            could matter: every entity that is mentioned (people, places, organisations, objects, \
            events), every date, and the relations between them. Use plain third-person prose. Never \
            add anything the messages do not say, and do not talk about the task.""";

    static final String USER = """
            The summary so far:
            <summary>
            {summary}
            </summary>

            Messages to add to it, oldest first:
            <messages>
            {episodes}
            </messages>

            Write the summary again from scratch so that it covers both the summary so far and these \
            messages; do not just append to it. Keep names, dates and times, preferences, plans and \
            decisions. Where a later message corrects or changes something, keep only what is true now. \
            Use at most {max_length} words, and answer with the summary alone.""";

    static final String NO_SUMMARY = "(nothing yet)";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(summary|episodes|max_length)}");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, MMMM dd, yyyy 'at' hh:mm a", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SummaryPrompt() {
    }

    /** The chat messages that ask for the previous summary rewritten with {@code episodes} folded in. */
    public static List<ChatMessage> messages(String previous, List<Episode> episodes, int maxWords, int maxContentChars) {
        String rendered = episodes.stream().map(e -> render(e, maxContentChars)).collect(Collectors.joining("\n"));
        Map<String, String> values = Map.of("summary", previous.isBlank() ? NO_SUMMARY : previous.strip(),
                "episodes", rendered, "max_length", Integer.toString(maxWords));
        // one pass: a placeholder inside a summary or a message is left as it is
        String user = PLACEHOLDER.matcher(USER).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
        return List.of(ChatMessage.system(SYSTEM), ChatMessage.user(user));
    }

    /** {@code [Monday, November 24, 2025 at 10:00 AM] alice: "content"}, the time in UTC, the content JSON-quoted. */
    public static String render(Episode episode, int maxContentChars) {
        String content = episode.content();
        if (content.length() > maxContentChars) {
            content = content.substring(0, maxContentChars) + "...";
        }
        return "[" + WHEN.format(episode.createdAt()) + "] " + episode.producer() + ": " + jsonQuote(content);
    }

    /** The text as a JSON string literal. */
    static String jsonQuote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The model's answer as a summary: reasoning blocks ({@code <think>...</think>}) removed, trimmed. */
    public static String clean(String answer) {
        return answer == null ? "" : answer.replaceAll("(?s)<think>.*?</think>", "").strip();
    }
}
