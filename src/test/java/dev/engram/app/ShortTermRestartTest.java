package dev.engram.app;

import static dev.engram.app.ShortTermMemoryTest.config;
import static dev.engram.app.ShortTermMemoryTest.content;
import static dev.engram.app.ShortTermMemoryTest.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.Progress;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.ingest.ShortTermSummary;
import dev.engram.core.ingest.SummarizerState;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.FakeOllama;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Ollama nothing is lost: the episodes stay unfolded and are folded once a model answers,
 * after a restart too; a failing model is retried; the summary and how far it reaches survive
 * closing and reopening.
 */
class ShortTermRestartTest {
    private static final Scope SCOPE = Scope.of("acme", "restart");

    @TempDir
    Path dir;

    @Test
    void summariesWaitForTheModelSurviveRestartsAndAreNotRedone() throws Exception {
        try (Engram engram = Engram.open(dir, config(nothingListening()), Progress.NONE, Clock.systemUTC())) {
            engram.startBackgroundWork();
            add(engram, 1, 2, 3);
            await(engram, () -> engram.summaries().state().lastError() != null);
            SummarizerState state = engram.summaries().state();
            assertThat(state.lastError()).contains("not running");
            assertThat(state.retryAt()).isNotNull();
            assertThat(engram.summaries().of(SCOPE)).isEmpty();
            assertThat(engram.memory().countEpisodes(SCOPE, Filter.all())).isEqualTo(3);
        }

        ShortTermSummary kept;
        try (FakeOllama ollama = FakeOllama.start("llama3.2")) {
            ollama.respondWith(r -> FakeOllama.Reply.of("Summary after " + ollama.requests().size() + " requests"));
            try (Engram engram = Engram.open(dir, config(ollama.url()), Progress.NONE, Clock.systemUTC())) {
                engram.startBackgroundWork(); // catches up with what was added while the model was away
                await(engram, () -> summaryText(engram).equals(List.of("Summary after 1 requests")));
                assertThat(FakeOllama.message(ollama.requests().getFirst(), "user"))
                        .contains(rendered("alice", 1) + "\n" + rendered("alice", 2)).doesNotContain("note 3");

                ollama.refuse(true);
                add(engram, 4, 5);
                await(engram, () -> engram.summaries().state().lastError() != null);
                assertThat(engram.summaries().state().lastError()).contains("server busy");
                assertThat(summaryText(engram)).containsExactly("Summary after 1 requests");
                ollama.refuse(false); // retried after the backoff
                await(engram, () -> summaryText(engram).equals(List.of("Summary after 2 requests")));
                assertThat(FakeOllama.message(ollama.requests().get(1), "user"))
                        .contains("Summary after 1 requests", rendered("alice", 3) + "\n" + rendered("alice", 4))
                        .doesNotContain("note 5");
                assertThat(engram.summaries().state().lastError()).isNull();
                kept = engram.summaries().of(SCOPE).getFirst();
                assertThat(kept.foldedCount()).isEqualTo(4);
            }

            try (Engram engram = Engram.open(dir, config(ollama.url()), Progress.NONE, Clock.systemUTC())) {
                assertThat(engram.summaries().of(SCOPE)).containsExactly(kept);
                assertThat(summaryText(engram)).containsExactly("Summary after 2 requests");
                engram.startBackgroundWork(); // episode 5 alone fits the window: nothing to fold again
                await(engram, () -> engram.summaries().state().lastRun() != null
                        && engram.summaries().state().pending() == 0);
                assertThat(ollama.requests()).hasSize(2);
                assertThat(engram.summaries().of(SCOPE)).containsExactly(kept);
            }
        }
    }

    private static void add(Engram engram, int... numbers) {
        for (int n : numbers) {
            engram.memory().episodes().add(SCOPE, List.of(new NewEpisode("alice", null, "user", content("alice", n),
                    Instant.parse("2025-11-24T10:0" + n + ":00Z"), Map.of())));
        }
    }

    private static List<String> summaryText(Engram engram) {
        return engram.memory().search(SearchQuery.of(SCOPE, "train", 5)).summaries();
    }

    private static String nothingListening() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static void await(Engram engram, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s; summarizer state: " + engram.summaries().state());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
