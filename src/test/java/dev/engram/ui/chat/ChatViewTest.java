package dev.engram.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.engram.support.FxSupport;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The chat pane headless against a fake Ollama: a turn streams in, is stored, and the context panel lists the memory. */
class ChatViewTest {
    private static MemoryService memory;
    private static Scope scope;

    @BeforeAll
    static void setUp() throws Exception {
        FxSupport.start();
        memory = SharedEngram.get().memory();
        scope = Scope.of(SharedEngram.uniqueOrg("chat-view"), "kitchen");
        List<Episode> past = memory.episodes().add(scope, List.of(
                new NewEpisode("sam", "assistant", "user", "I'm allergic to peanuts, keep that in mind for recipes",
                        Instant.parse("2026-06-01T12:00:00Z"), Map.of())));
        memory.profile().add(scope, new NewFact("user_sam", "sam", "profile", "health", "allergy", "peanuts",
                FactSource.USER, List.of(past.getFirst().uid()), Map.of()), "test");
    }

    @Test
    void aTurnStreamsIntoTheTranscriptAndTheContextPanelShowsTheRecalledMemory() throws Exception {
        try (FakeOllama ollama = FakeOllama.start("llama3.2:latest")) {
            ollama.reply(FakeOllama.Reply.slow(Duration.ofMillis(150), "Try ", "a sesame ", "noodle salad, ", "no peanuts."));
            UiPreferences preferences = UiPreferences.inMemory();
            preferences.put("scope.org", scope.orgId());
            preferences.put("scope.project", scope.projectId());
            preferences.put("scope.producer", "sam");
            var background = Executors.newCachedThreadPool();
            ChatViewModel model = new ChatViewModel(new ScopeModel(preferences),
                    new ChatService(memory, Clock.systemUTC(), ZoneOffset.UTC), OllamaLanguageModel::at, preferences,
                    new UiExecutors(background, Platform::runLater), ollama.url());
            ChatView view = new ChatView(model);
            List<Long> opened = new CopyOnWriteArrayList<>();
            view.setOnOpenEpisode(opened::add);
            FxToolkit.setupStage(stage -> {
                stage.setScene(new Scene(view.load(), 1100, 720));
                stage.show();
            });
            FxRobot robot = new FxRobot();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "llama3.2:latest".equals(model.modelProperty().get()));

            robot.clickOn(".text-area").write("Any idea for dinner tonight?").type(KeyCode.ENTER);
            List<String> partial = new CopyOnWriteArrayList<>();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                String text = bubble(robot, "Try ");
                if (text != null) {
                    partial.add(text);
                }
                return text != null && !text.contains("no peanuts");
            });
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    () -> "Try a sesame noodle salad, no peanuts.".equals(bubble(robot, "Try ")));
            assertThat(partial).as("the answer was seen before it was complete").isNotEmpty();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.busyProperty().get());

            ListView<ContextItem> context = robot.lookup(".context").queryListView();
            assertThat(context.getItems()).extracting(ContextItem::text)
                    .contains("allergy: peanuts", "I'm allergic to peanuts, keep that in mind for recipes");
            assertThat(robot.lookup(n -> n instanceof Labeled l && "allergy: peanuts".equals(l.getText())).tryQuery()).isPresent();

            List<Episode> stored = memory.episodes().page(scope, Filter.all(), new PageRequest(10, 0), Order.OLDEST_FIRST);
            assertThat(stored).extracting(Episode::content).containsExactly(
                    "I'm allergic to peanuts, keep that in mind for recipes", "Any idea for dinner tonight?",
                    "Try a sesame noodle salad, no peanuts.");

            robot.doubleClickOn(robot.lookup(n -> n instanceof Labeled l
                    && "I'm allergic to peanuts, keep that in mind for recipes".equals(l.getText())
                    && n.getScene() != null).queryAs(Labeled.class));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
            assertThat(opened).containsExactly(stored.getFirst().uid());
            assertThat(memory.countEpisodes(scope, Filter.all())).isEqualTo(3);
            FxSupport.onFx(() -> {
                ((Stage) context.getScene().getWindow()).hide();
                return null;
            });
            background.shutdownNow();
        }
    }

    /**
     * The text of the transcript bubble that starts with the prefix, or null. The lookup runs on
     * the FX thread: the transcript changes while tokens stream in.
     */
    private static String bubble(FxRobot robot, String prefix) throws Exception {
        return FxSupport.onFx(() -> robot.lookup(".transcript .body").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && t.startsWith(prefix)).findFirst().orElse(null));
    }
}
