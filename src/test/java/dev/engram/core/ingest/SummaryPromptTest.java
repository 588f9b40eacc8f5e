package dev.engram.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryPromptTest {
    private static final Scope SCOPE = Scope.of("acme", "prompt");

    private static Episode episode(long uid, String producer, String content, String at) {
        return new Episode(uid, SCOPE, producer, null, "user", content, Instant.parse(at), Map.of(), Episode.MESSAGE);
    }

    @Test
    void anEpisodeIsRenderedWithItsDayTimeProducerAndJsonQuotedContent() {
        Episode e = episode(1, "alice", "She said \"hi\"\nthen left \\ \u0001", "2025-11-24T15:05:00Z");

        assertThat(SummaryPrompt.render(e, 1000))
                .isEqualTo("[Monday, November 24, 2025 at 03:05 PM] alice: \"She said \\\"hi\\\"\\nthen left \\\\ \\u0001\"");
        assertThat(SummaryPrompt.render(episode(2, "bob", "morning", "2026-01-03T09:07:00Z"), 1000))
                .isEqualTo("[Saturday, January 03, 2026 at 09:07 AM] bob: \"morning\"");
    }

    @Test
    void aVeryLongEpisodeIsCutInThePrompt() {
        assertThat(SummaryPrompt.render(episode(1, "alice", "x".repeat(500), "2025-11-24T10:00:00Z"), 100))
                .endsWith(": \"" + "x".repeat(100) + "...\"");
    }

    @Test
    void theUserMessageCarriesThePreviousSummaryTheEpisodesAndTheLengthLimitFilledOnce() {
        List<ChatMessage> messages = SummaryPrompt.messages("Alice likes {episodes} and tea.",
                List.of(episode(1, "alice", "I moved to {summary} Lyon", "2025-11-24T10:00:00Z"),
                        episode(2, "alice", "Actually, to Paris", "2025-11-24T10:01:00Z")), 300, 1000);

        assertThat(messages).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.SYSTEM, ChatMessage.Role.USER);
        assertThat(messages.getFirst().content()).contains("entit", "date").doesNotContain("{");
        String user = messages.get(1).content();
        assertThat(user).contains("Alice likes {episodes} and tea.")
                .contains("[Monday, November 24, 2025 at 10:00 AM] alice: \"I moved to {summary} Lyon\"\n"
                        + "[Monday, November 24, 2025 at 10:01 AM] alice: \"Actually, to Paris\"")
                .contains("at most 300 words")
                .doesNotContain("{max_length}");
    }

    @Test
    void withoutAPreviousSummaryThePromptSaysSo() {
        String user = SummaryPrompt.messages(" ", List.of(episode(1, "alice", "hi", "2025-11-24T10:00:00Z")), 100, 100)
                .get(1).content();
        assertThat(user).contains(SummaryPrompt.NO_SUMMARY).doesNotContain("{summary}");
    }

    @Test
    void theLengthLimitInWordsIsHalfTheWindowOverEightRoundedUpToHundreds() {
        assertThat(settings(16_000).maxWords()).isEqualTo(1000);
        assertThat(settings(20_000).maxWords()).isEqualTo(1300);
        assertThat(settings(500).maxWords()).isEqualTo(100);
        assertThat(settings(64_000).maxWords()).isEqualTo(4000);
    }

    @Test
    void reasoningBlocksAndSpaceAreRemovedFromTheAnswer() {
        assertThat(SummaryPrompt.clean("<think>\nlet me see\n</think>\n\n Alice lives in Paris. ")).isEqualTo("Alice lives in Paris.");
        assertThat(SummaryPrompt.clean(null)).isEmpty();
    }

    private static SummarySettings settings(int capacity) {
        return new SummarySettings(capacity, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
