package dev.engram.core.chat;

import dev.engram.core.Cancellation;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.ingest.ChatMessage;
import dev.engram.core.ingest.LanguageModel;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchOutcome;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A chat turn with memory, in three steps the caller runs in order (so a UI can show each):
 * {@link #recall} searches the scope, {@link #prompt} builds the model's messages from the message
 * and what was recalled, {@link #answer} streams the model's reply; {@link #remember} stores the
 * user's message and the answer as episodes.
 */
public final class ChatService {
    public static final int DEFAULT_TOP_K = 8;
    static final int MAX_EPISODE_CHARS = 1_200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MemoryService memory;
    private final Clock clock;
    private final ZoneId zone;

    public ChatService(MemoryService memory, Clock clock, ZoneId zone) {
        this.memory = memory;
        this.clock = clock;
        this.zone = zone;
    }

    /** Searches the scope for the message: relevant episodes, the latest ones, and profile facts. */
    public ChatContext recall(Scope scope, String message, int topK) {
        SearchOutcome found = memory.search(new SearchQuery(scope, message, topK, Filter.all(), 0, null, Set.of()));
        return new ChatContext(message, found.episodes(), found.recent(), found.facts());
    }

    /** The messages for the model: instructions with the recalled memory, then the user's message. */
    public List<ChatMessage> prompt(ChatContext context, String user, String assistant) {
        StringBuilder system = new StringBuilder();
        system.append("You are ").append(assistant).append(", a helpful assistant talking with ").append(user)
                .append(". You have a long-term memory of earlier conversations; what it recalled for this message is below. ")
                .append("Use it when it helps; if it does not contain what is asked, say that you do not remember. ")
                .append("Never invent memories. When two memories disagree, trust the newer one.\n");
        if (!context.facts().isEmpty()) {
            system.append("\n## What you know about ").append(user).append('\n');
            for (ScoredFact scored : context.facts()) {
                ProfileFact fact = scored.fact();
                system.append("- ").append(fact.feature()).append(" (").append(fact.tag()).append("): ")
                        .append(fact.value()).append('\n');
            }
        }
        Set<Long> recentUids = new HashSet<>();
        context.recent().forEach(e -> recentUids.add(e.uid()));
        List<Episode> earlier = context.episodes().stream().map(ScoredEpisode::episode)
                .filter(e -> !recentUids.contains(e.uid()))
                .sorted(Comparator.comparing(Episode::createdAt).thenComparingLong(Episode::uid)).distinct().toList();
        if (!earlier.isEmpty()) {
            system.append("\n## Earlier conversation excerpts (oldest first)\n");
            earlier.forEach(e -> system.append(line(e)).append('\n'));
        }
        if (!context.recent().isEmpty()) {
            system.append("\n## The latest messages (oldest first)\n");
            context.recent().forEach(e -> system.append(line(e)).append('\n'));
        }
        system.append("\nNow is ").append(WHEN.format(clock.instant().atZone(zone))).append('.');
        return List.of(ChatMessage.system(system.toString()), ChatMessage.user(context.message()));
    }

    private String line(Episode episode) {
        String content = episode.content().strip();
        if (content.length() > MAX_EPISODE_CHARS) {
            content = content.substring(0, MAX_EPISODE_CHARS) + "…";
        }
        return "[" + WHEN.format(episode.createdAt().atZone(zone)) + "] " + episode.producer() + ": " + content;
    }

    /** Streams the model's answer; returns what arrived (less than all of it when cancelled). */
    public String answer(LanguageModel model, String modelName, List<ChatMessage> prompt, Consumer<String> tokens,
                         Cancellation cancel) {
        return model.chat(modelName, prompt, tokens, cancel);
    }

    /**
     * Stores the user's message and, when there is one, the answer (marked when it was cut short),
     * both in the scope, the answer from {@code assistant} to {@code user}. Returns what was stored.
     */
    public List<Episode> remember(Scope scope, String user, String assistant, String message, String answer,
                                  String modelName, boolean interrupted) {
        List<NewEpisode> turn = new ArrayList<>();
        var now = clock.instant();
        turn.add(new NewEpisode(user, assistant, "user", message, now, Map.of("source", "chat")));
        if (answer != null && !answer.isBlank()) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("source", "chat");
            if (modelName != null) {
                metadata.put("model", modelName);
            }
            if (interrupted) {
                metadata.put("interrupted", "true");
            }
            turn.add(new NewEpisode(assistant, user, "assistant", answer.strip(), now.plusMillis(1), metadata));
        }
        return memory.episodes().add(scope, turn);
    }
}
