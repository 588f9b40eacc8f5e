package dev.engram.ui.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Scope;
import dev.engram.support.FxSupport;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The isolation lab headless: two probes compared side by side, then a leak check. */
class IsolationViewTest {
    private static MemoryService memory;
    private static String org;

    @BeforeAll
    static void setUp() throws Exception {
        FxSupport.start();
        memory = SharedEngram.get().memory();
        org = SharedEngram.uniqueOrg("lab-view");
        memory.episodes().add(Scope.of(org, "family"), List.of(
                new NewEpisode("mia", "assistant", "user", "Mia's piano lesson moved to Thursday", Instant.parse("2026-02-01T10:00:00Z"), Map.of()),
                new NewEpisode("leo", "assistant", "user", "Leo has football on Thursday", Instant.parse("2026-02-01T11:00:00Z"), Map.of())));
    }

    @Test
    void comparesTwoProbesAndRunsTheLeakCheck() throws Exception {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", org);
        preferences.put("scope.project", "family");
        preferences.put("scope.producer", "mia");
        var background = Executors.newCachedThreadPool();
        IsolationViewModel model = new IsolationViewModel(new ScopeModel(preferences), memory,
                new UiExecutors(background, Platform::runLater));
        IsolationView view = new IsolationView(model);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view.load(), 1100, 720));
            stage.show();
        });
        FxRobot robot = new FxRobot();
        TextField query = robot.lookup(n -> n instanceof TextField t && t.getPromptText() != null
                && t.getPromptText().startsWith("One query")).queryAs(TextField.class);
        robot.clickOn(query).write("what happens on Thursday");
        robot.clickOn("Compare");
        List<ListView<ProbeHit>> lists = robot.lookup(".hits").queryAllAs(ListView.class).stream()
                .map(l -> (ListView<ProbeHit>) l).toList();
        assertThat(lists).hasSize(2);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lists.stream().allMatch(l -> !l.getItems().isEmpty()));
        assertThat(lists.get(0).getItems()).extracting(ProbeHit::who).contains("mia", "leo");
        assertThat(lists.get(1).getItems()).extracting(ProbeHit::who).containsOnly("mia");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().contains("leo: Leo has football on Thursday")).tryQuery().isPresent());

        robot.clickOn("Run leak check");
        Label report = robot.lookup(".report").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> report.getText().contains("no result outside"));
        WaitForAsyncUtils.waitForFxEvents(); // the style class follows the text in a listener on the FX thread
        assertThat(report.getStyleClass()).contains("clean");
        FxSupport.onFx(() -> {
            ((Stage) report.getScene().getWindow()).hide();
            return null;
        });
        background.shutdownNow();
    }
}
