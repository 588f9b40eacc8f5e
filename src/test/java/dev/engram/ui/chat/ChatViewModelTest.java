package dev.engram.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engram.core.chat.ChatService;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.llm.OllamaLanguageModel;
import dev.engram.support.FakeOllama;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat pane's view model against the real store and a fake Ollama server, without the toolkit. */
class ChatViewModelTest {
    private static MemoryService memory;
    private static String org;
    private static FakeOllama ollama;
    private static ChatService chat;

    @BeforeAll
    static void setUp() throws Exception {
        memory = SharedEngram.get().memory();
        org = SharedEngram.uniqueOrg("chat");
        ollama = FakeOllama.start("llama3.2:latest", "qwen3:4b");
        chat = new ChatService(memory, Clock.systemUTC(), ZoneOffset.UTC);
    }

    @AfterAll
    static void tearDown() {
        ollama.close();
    }

    private static Scope seeded(String project) {
        Scope scope = Scope.of(org, project);
        List<Episode> past = memory.episodes().add(scope, List.of(
                new NewEpisode("alice", "assistant", "user", "My cello teacher Ines moved to Porto last spring",
                        Instant.parse("2026-03-02T19:00:00Z"), Map.of()),
                new NewEpisode("alice", "assistant", "user", "I bought a bike for commuting",
                        Instant.parse("2026-03-04T08:00:00Z"), Map.of())));
        memory.profile().add(scope, new NewFact("user_alice", "alice", "profile", "hobbies", "instrument", "plays the cello",
                FactSource.USER, List.of(past.getFirst().uid()), Map.of()), "test");
        return scope;
    }

    private static ChatViewModel model(Scope scope, UiExecutors executors, String url) {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", scope.orgId());
        preferences.put("scope.project", scope.projectId());
        preferences.put("scope.producer", "alice");
        preferences.put("scope.produced_for", "assistant");
        return new ChatViewModel(new ScopeModel(preferences), chat, OllamaLanguageModel::at, preferences, executors, url);
    }

    private static List<Episode> stored(Scope scope) {
        return memory.episodes().page(scope, Filter.all(), new PageRequest(100, 0), Order.OLDEST_FIRST);
    }

    @Test
    void aTurnRecallsStreamsAndStoresBothMessages() {
        Scope scope = seeded("turn");
        ollama.reply(FakeOllama.Reply.of("Ines", " is in", " Porto", " now."));
        ChatViewModel model = model(scope, UiExecutors.direct(), ollama.url());
        List<String> statuses = new ArrayList<>();
        model.setOnModelStatus(statuses::add);
        List<String> seenWhileStreaming = new ArrayList<>();
        model.connect();
        assertThat(model.models()).containsExactly("llama3.2:latest", "qwen3:4b");
        assertThat(model.modelProperty().get()).isEqualTo("llama3.2:latest");
        assertThat(model.bannerProperty().get()).isEmpty();
        assertThat(statuses).last().asString().contains("2 models");

        model.inputProperty().set("Where does my cello teacher live?");
        model.transcript().addListener((javafx.collections.ListChangeListener<ChatEntry>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(e -> e.kind() == ChatEntry.Kind.ASSISTANT)
                        .forEach(e -> e.textProperty().addListener((o, was, now) -> seenWhileStreaming.add(now)));
            }
        });
        model.send();

        assertThat(seenWhileStreaming).startsWith("Ines", "Ines is in", "Ines is in Porto");
        assertThat(model.transcript()).extracting(ChatEntry::kind, ChatEntry::text).containsExactly(
                tuple(ChatEntry.Kind.USER, "Where does my cello teacher live?"),
                tuple(ChatEntry.Kind.ASSISTANT, "Ines is in Porto now."));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.inputProperty().get()).isEmpty();

        assertThat(model.context()).extracting(ContextItem::kind).contains(ContextItem.Kind.FACT, ContextItem.Kind.EPISODE);
        assertThat(model.context()).filteredOn(i -> i.kind() == ContextItem.Kind.FACT)
                .extracting(ContextItem::text).containsExactly("instrument: plays the cello");
        ContextItem best = model.context().stream().filter(i -> i.kind() == ContextItem.Kind.EPISODE).findFirst().orElseThrow();
        assertThat(best.text()).contains("Ines moved to Porto");
        assertThat(best.hasScore()).isTrue();

        var request = ollama.requests().getLast();
        assertThat(request.path("model").asText()).isEqualTo("llama3.2:latest");
        List<String> messages = FakeOllama.messages(request);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).startsWith("system: ").contains("instrument (hobbies): plays the cello")
                .contains("alice: My cello teacher Ines moved to Porto last spring");
        assertThat(messages.get(1)).isEqualTo("user: Where does my cello teacher live?");
        assertThat(model.promptProperty().get()).contains("plays the cello").contains("Where does my cello teacher live?");

        List<Episode> all = stored(scope);
        assertThat(all).hasSize(4);
        Episode question = all.get(2);
        Episode answer = all.get(3);
        assertThat(question).extracting(Episode::producer, Episode::producedFor, Episode::role, Episode::content)
                .containsExactly("alice", "assistant", "user", "Where does my cello teacher live?");
        assertThat(answer).extracting(Episode::producer, Episode::producedFor, Episode::role, Episode::content)
                .containsExactly("assistant", "alice", "assistant", "Ines is in Porto now.");
        assertThat(answer.metadata()).containsEntry("model", "llama3.2:latest").doesNotContainKey("interrupted");
    }

    @Test
    void withoutOllamaTheBannerSaysWhatToDoAndTheMessageIsStillRememberedAndRecalled() throws Exception {
        Scope scope = seeded("offline");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChatViewModel model = model(scope, UiExecutors.direct(), "http://127.0.0.1:" + closedPort);
        List<String> statuses = new ArrayList<>();
        model.setOnModelStatus(statuses::add);
        model.connect();
        assertThat(model.bannerProperty().get()).contains("Ollama is not running at http://127.0.0.1:" + closedPort)
                .contains("ollama serve").contains("still remembered");
        assertThat(statuses).last().isEqualTo("Ollama: not reachable");

        model.inputProperty().set("What instrument do I play?");
        model.send();
        assertThat(model.transcript()).extracting(ChatEntry::kind).containsExactly(ChatEntry.Kind.USER, ChatEntry.Kind.NOTICE);
        assertThat(model.transcript().getLast().text()).contains("Not answered").contains("remembered");
        assertThat(model.context()).extracting(ContextItem::text).contains("instrument: plays the cello");
        assertThat(stored(scope)).extracting(Episode::content).endsWith("What instrument do I play?").hasSize(3);
    }

    @Test
    void cancellingKeepsWhatArrivedAndMarksItInterrupted() throws Exception {
        Scope scope = seeded("cancel");
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pieces.add("word" + i + " ");
        }
        ollama.reply(new FakeOllama.Reply(pieces, Duration.ofMillis(20)));
        ExecutorService background = Executors.newCachedThreadPool();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try {
            ChatViewModel model = model(scope, new UiExecutors(background, fx), ollama.url());
            on(fx, () -> {
                model.connect();
                return null;
            });
            await(fx, () -> !model.models().isEmpty());
            on(fx, () -> {
                model.inputProperty().set("Tell me a long story");
                model.send();
                return null;
            });
            await(fx, () -> model.transcript().size() == 2 && model.transcript().getLast().text().contains("word3 "));
            on(fx, () -> {
                model.cancel();
                return null;
            });
            await(fx, () -> !model.busyProperty().get());
            String shown = on(fx, () -> model.transcript().getLast().text());
            assertThat(shown).endsWith("[stopped]").doesNotContain("word199");
            Episode answer = stored(scope).getLast();
            assertThat(answer.role()).isEqualTo("assistant");
            assertThat(answer.metadata()).containsEntry("interrupted", "true");
            assertThat(answer.content()).startsWith("word0 word1 word2 word3").doesNotContain("word199");
        } finally {
            background.shutdownNow();
            fx.shutdownNow();
        }
    }

    @Test
    void anUnknownModelIsReportedWithThePullCommand() {
        Scope scope = seeded("unknown-model");
        ChatViewModel model = model(scope, UiExecutors.direct(), ollama.url());
        model.connect();
        model.modelProperty().set("mistral:7b");
        model.inputProperty().set("hello");
        model.send();
        assertThat(model.transcript().getLast().text()).contains("no model 'mistral:7b'").contains("ollama pull mistral:7b");
        assertThat(stored(scope)).extracting(Episode::content).endsWith("hello");
    }

    @Test
    void anInvalidScopeStoresNothingAndSaysWhy() {
        Scope scope = Scope.of(org, "never-used");
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", org);
        preferences.put("scope.project", "bad/project");
        ChatViewModel model = new ChatViewModel(new ScopeModel(preferences), chat, OllamaLanguageModel::at, preferences,
                UiExecutors.direct(), ollama.url());
        model.inputProperty().set("hello");
        model.send();
        assertThat(model.errorProperty().get()).startsWith("Fix the scope first");
        assertThat(model.transcript()).isEmpty();
        assertThat(memory.countEpisodes(scope, Filter.all())).isZero();
    }

    private static <T> T on(ExecutorService fx, Callable<T> work) throws Exception {
        return fx.submit(work).get();
    }

    private static void await(ExecutorService fx, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!on(fx, condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(10);
        }
    }
}
