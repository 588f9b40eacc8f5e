package dev.engram.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.ConflictPolicy;
import dev.engram.core.transfer.ImportFileException;
import dev.engram.core.transfer.ImportFormat;
import dev.engram.core.transfer.ImportReport;
import dev.engram.core.transfer.ImportRequest;
import dev.engram.core.transfer.Transfers;
import dev.engram.support.SharedEngram;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importers of other tools' files: ChatGPT, LoCoMo, plain JSON Lines; bad files change nothing. */
class ForeignImportTest {
    private final MemoryService memory = SharedEngram.get().memory();
    private final Transfers transfers = SharedEngram.get().transfers();
    private final String org = SharedEngram.uniqueOrg("import");

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(ForeignImportTest.class.getResource("/transfer/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportReport importInto(Scope scope, Path file, ImportFormat format) {
        return transfers.importFile(new ImportRequest(file, format, scope, ConflictPolicy.SKIP, "mira"), Progress.NONE,
                Cancellation.none());
    }

    private List<Episode> episodes(Scope scope) {
        return memory.episodes().page(scope, Filter.all(), new PageRequest(1000, 0), Order.OLDEST_FIRST);
    }

    @Test
    void aChatGptExportBecomesTheVisibleConversationsMessagesAndImportingItAgainAddsNothing() {
        Scope scope = Scope.of(org, "chatgpt");
        ImportReport first = importInto(scope, fixture("conversations.json"), ImportFormat.AUTO);
        assertThat(first.episodes().added()).isEqualTo(6);
        // the person's three messages wait for fact extraction: a ChatGPT history becomes a profile
        assertThat(memory.extraction().status(scope).pending()).isEqualTo(3);

        List<Episode> stored = episodes(scope);
        assertThat(stored).extracting(Episode::content).containsExactly(
                "I'm flying to Rome in June and I always want an aisle seat.",
                "Noted: an aisle seat for your flight to Rome in June.",
                "Here is my boarding pass, which gate is it?",
                "gate = 'B12'",
                "I'm vegetarian, what should I cook tonight?",
                "How about a mushroom risotto?");
        Episode question = stored.getFirst();
        assertThat(question.producer()).isEqualTo("mira");
        assertThat(question.producedFor()).isEqualTo("assistant");
        assertThat(question.role()).isEqualTo("user");
        assertThat(question.createdAt()).isEqualTo(Instant.parse("2024-06-01T12:00:01.250Z"));
        assertThat(question.metadata()).containsEntry("conversation_id", "6650a1b2-0000-4000-8000-000000000001")
                .containsEntry("conversation_title", "Rome trip").containsEntry("message_id", "u-1")
                .containsEntry("source", "chatgpt");
        assertThat(stored.get(1).producer()).isEqualTo("assistant");
        assertThat(stored.get(1).role()).isEqualTo("assistant");

        ImportReport again = importInto(scope, fixture("conversations.json"), ImportFormat.CHATGPT);
        assertThat(again.episodes().added()).isZero();
        assertThat(again.episodes().unchanged()).isEqualTo(6);
        assertThat(episodes(scope)).hasSize(6);
    }

    @Test
    void locomoTurnsBecomeEpisodesOfTheirSpeakersAtTheSessionsTimes() {
        Scope scope = Scope.of(org, "locomo");
        ImportReport report = importInto(scope, fixture("locomo-tiny.json"), ImportFormat.AUTO);
        assertThat(report.episodes().added()).isEqualTo(3);
        List<Episode> stored = episodes(scope);
        assertThat(stored.get(1).producer()).isEqualTo("Melanie");
        assertThat(stored.get(1).producedFor()).isEqualTo("Caroline");
        assertThat(stored.get(1).createdAt()).isEqualTo(Instant.parse("2023-05-08T13:56:30Z"));
        assertThat(stored.get(2).content()).isEqualTo("Look what I painted last week! [shares an image: a painting of a sunset over a lake]");
        assertThat(stored.get(2).metadata()).containsEntry("dia_id", "D2:1").containsEntry("session", "2")
                .containsEntry("conversation_id", "conv-tiny");
        assertThat(importInto(scope, fixture("locomo-tiny.json"), ImportFormat.LOCOMO).episodes().unchanged()).isEqualTo(3);
    }

    @Test
    void plainJsonLinesOfMessagesAreImportedWithMemMachinesFieldNames() {
        Scope scope = Scope.of(org, "jsonl");
        ImportReport report = importInto(scope, fixture("messages.jsonl"), ImportFormat.AUTO);
        assertThat(report.episodes().added()).isEqualTo(3);
        List<Episode> stored = episodes(scope);
        assertThat(stored.get(1).producer()).isEqualTo("bot");
        assertThat(stored.get(1).role()).isEqualTo("assistant");
        assertThat(stored.get(1).createdAt()).isEqualTo(Instant.parse("2025-03-01T09:01:00Z"));
        assertThat(stored.get(2).metadata()).containsEntry("weight", "4");
        assertThat(stored.get(2).producer()).isEqualTo("user");
    }

    @Test
    void aBadLineIsNamedAndNothingOfTheFileIsImported() throws IOException {
        Scope scope = Scope.of(org, "bad");
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"content": "fine", "timestamp": "2025-01-01T00:00:00Z"}
                {"content": "also fine", "timestamp": "2025-01-01T00:01:00Z"}
                {"content": "", "timestamp": "2025-01-01T00:02:00Z"}
                {"content": "never reached", "timestamp": "2025-01-01T00:03:00Z"}
                """);
        assertThatThrownBy(() -> importInto(scope, file, ImportFormat.AUTO))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("bad.jsonl line 3").hasMessageContaining("content").hasMessageContaining("Nothing was imported");
        assertThat(memory.projects().find(scope)).isEmpty();
        assertThat(episodes(scope)).isEmpty();

        Files.writeString(file, "{\"content\": \"fine\", \"timestamp\": 1}\n{\"content\": \"x\" \"timestamp\": 2}\n");
        assertThatThrownBy(() -> importInto(scope, file, ImportFormat.JSONL))
                .hasMessageContaining("line 2").hasMessageContaining("not valid JSON at column");
        Files.writeString(file, "{\"content\": \"no time\"}\n");
        assertThatThrownBy(() -> importInto(scope, file, ImportFormat.JSONL))
                .hasMessageContaining("line 1").hasMessageContaining("timestamp: is required");
        assertThat(episodes(scope)).isEmpty();
    }

    @Test
    void aBrokenChatGptConversationIsNamedByItsLineAndTitle() throws IOException {
        Scope scope = Scope.of(org, "bad-chatgpt");
        Path file = dir.resolve("conversations.json");
        Files.writeString(file, """
                [
                  {"title": "ok", "mapping": {"r": {"id": "r", "message": null, "parent": null, "children": []}}},
                  {"title": "Broken one",
                   "mapping": {"m": {"id": "m", "parent": null, "children": [], "message": {"id": "m",
                      "author": {"role": "user"}, "content": {"content_type": "text", "parts": ["hi"]}}}}}
                ]
                """);
        assertThatThrownBy(() -> importInto(scope, file, ImportFormat.CHATGPT))
                .hasMessageContaining("conversations.json line 3")
                .hasMessageContaining("conversation 2 ('Broken one')")
                .hasMessageContaining("has no create_time");
        Files.writeString(file, "[{\"title\": \"cut\", \"mapping\": {");
        assertThatThrownBy(() -> importInto(scope, file, ImportFormat.CHATGPT)).hasMessageContaining("line 1")
                .hasMessageContaining("not valid JSON");
        assertThat(memory.projects().find(scope)).isEmpty();
    }
}
