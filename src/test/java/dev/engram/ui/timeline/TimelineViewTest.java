package dev.engram.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.FxSupport;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.LongWork;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline screen headless: list, filter with an inline error, histogram jump, edit and delete. */
class TimelineViewTest {
    private static MemoryService memory;
    private static Scope scope;
    private static List<Episode> added;

    @BeforeAll
    static void setUp() throws Exception {
        FxSupport.start();
        memory = SharedEngram.get().memory();
        scope = Scope.of(SharedEngram.uniqueOrg("timeline-view"), "trips");
        added = memory.episodes().add(scope, List.of(
                new NewEpisode("alice", "bot", "user", "We land in Lisbon on Friday", Instant.parse("2026-05-01T09:00:00Z"), Map.of("topic", "travel")),
                new NewEpisode("bot", "alice", "assistant", "Shall I look for a hotel in Alfama?", Instant.parse("2026-05-01T09:00:30Z"), Map.of("topic", "travel")),
                new NewEpisode("alice", "bot", "user", "Yes please, near the tram line", Instant.parse("2026-05-01T09:01:00Z"), Map.of("topic", "travel")),
                new NewEpisode("alice", "bot", "user", "My sister's birthday is on the 12th", Instant.parse("2026-05-04T18:00:00Z"), Map.of("topic", "family"))));
    }

    /** The visible label showing exactly this text (list cells are recycled, so some are detached). */
    private static javafx.scene.Node shown(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != null && n.isVisible()).tryQuery().orElse(null);
    }

    /** Clicks the cell showing {@code text}, looking again if the list re-rendered it away meanwhile (seen under load). */
    private static void clickWhenShown(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node cell = shown(robot, text);
            if (cell == null) {
                return false;
            }
            try {
                robot.clickOn(cell);
                return true;
            } catch (RuntimeException detached) {
                return false;
            }
        });
    }

    @Test
    void filterEditAndDeleteThroughTheScreen() throws Exception {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", scope.orgId());
        preferences.put("scope.project", scope.projectId());
        var background = Executors.newSingleThreadExecutor();
        TimelineViewModel model = new TimelineViewModel(new ScopeModel(preferences), memory,
                new UiExecutors(background, Platform::runLater),
                new LongWork(new UiExecutors(background, Platform::runLater)), ZoneOffset.UTC);
        TimelineView view = new TimelineView(model);
        view.setConfirm(message -> message.contains("birthday"));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view.load(), 1100, 760));
            stage.show();
        });
        FxRobot robot = new FxRobot();
        ListView<TimelineRow> list = robot.lookup(".episodes").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 6);
        assertThat(robot.lookup("4 episodes").tryQuery()).isPresent();

        robot.clickOn((javafx.scene.Node) robot.lookup(n -> "expression".equals(n.getId())).query()).write("m.topic = ");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup(".filter-error").queryAs(Label.class);
        assertThat(error.getText()).contains("position");
        robot.write("'family'");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        assertThat(error.getText()).isEmpty();

        clickWhenShown(robot, "My sister's birthday is on the 12th");
        TextArea draft = robot.lookup(".text-area").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> draft.getText().startsWith("My sister"));
        robot.clickOn(draft).press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.END)
                .release(javafx.scene.input.KeyCode.END, javafx.scene.input.KeyCode.CONTROL).eraseText(4).write("13th");
        robot.clickOn("Save edit");
        long birthday = added.get(3).uid();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> memory.episodes().get(scope, birthday).content().endsWith("13th"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> shown(robot, "My sister's birthday is on the 13th") != null);

        robot.clickOn("Delete…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> memory.countEpisodes(scope, Filter.all()) == 3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, list.getItems()::isEmpty);

        FxSupport.onFx(() -> {
            model.expressionProperty().set("");
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 4);
        FxSupport.onFx(() -> {
            model.newestFirstProperty().set(false);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty() && list.getItems().getFirst() instanceof TimelineRow.Day day
                && day.day().equals(LocalDate.of(2026, 5, 1)));
        assertThat(view.histogramDayAt(0)).isEqualTo(LocalDate.of(2026, 5, 1));
        robot.clickOn(".histogram", javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.anchorProperty().get() != null);
        FxSupport.onFx(() -> {
            ((Stage) list.getScene().getWindow()).hide();
            return null;
        });
        background.shutdownNow();
    }
}
