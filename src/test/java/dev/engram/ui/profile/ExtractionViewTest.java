package dev.engram.ui.profile;

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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The extraction line headless: it loads (FXML and stylesheet), says what waits and why, and asks for a run. */
class ExtractionViewTest {

    @Test
    void showsWhatWaitsAndWhyAndExtractNowIsOnlyOfferedWhenSomethingWaits() throws Exception {
        FxSupport.start();
        MemoryService memory = SharedEngram.get().memory();
        Scope scope = Scope.of(SharedEngram.uniqueOrg("extraction-view"), "me");
        memory.extraction().runNow(scope); // nothing waits yet
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", scope.orgId());
        preferences.put("scope.project", scope.projectId());
        var background = Executors.newCachedThreadPool();
        ExtractionViewModel model = new ExtractionViewModel(new ScopeModel(preferences), memory,
                new UiExecutors(background, Platform::runLater), ZoneOffset.UTC);
        ExtractionView view = new ExtractionView(model);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view.load(), 900, 120));
            stage.show();
        });
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot).startsWith("Extraction: nothing waiting"));
        assertThat(FxSupport.onFx(() -> robot.lookup("Extract now").queryAs(Button.class).isDisabled())).isTrue();

        memory.episodes().add(scope, List.of(new NewEpisode("alice", null, "user", "I moved to Porto",
                Instant.parse("2026-02-01T10:00:00Z"), Map.of())));
        memory.extraction().runNow(scope); // Ollama is not reachable in the tests
        FxSupport.onFx(() -> {
            model.refresh();
            return null;
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot).contains("1 message waiting"));
        assertThat(text(robot)).contains("waiting: Ollama is not running");
        assertThat(FxSupport.onFx(() -> robot.lookup("Extract now").queryAs(Button.class).isDisabled())).isFalse();
        // the executor is left to end by itself: the line polls while it is shown, and stops when it is not
    }

    private static String text(FxRobot robot) throws Exception {
        return FxSupport.onFx(() -> robot.lookup(".extraction .muted").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> t != null && t.startsWith("Extraction")).findFirst().orElse(""));
    }
}
