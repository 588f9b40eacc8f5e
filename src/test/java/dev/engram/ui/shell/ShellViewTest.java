package dev.engram.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.support.FxSupport;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The shell, headless: opening state, then screens and shortcuts. */
class ShellViewTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxSupport.start();
    }

    @Test
    void showsOpeningProgressThenTheScreensAndSwitchesWithShortcuts() throws Exception {
        UiPreferences preferences = UiPreferences.inMemory();
        ShellViewModel model = new ShellViewModel(preferences, UiExecutors.direct(), about("/data/engram"));
        ShellView view = new ShellView(model);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view.load(), 1000, 700));
            stage.show();
        });
        FxRobot robot = new FxRobot();
        FxSupport.onFx(() -> {
            model.openingProgress("Re-embedding episodes", 3, 12);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".opening-detail").queryAs(Label.class).getText()).isEqualTo("Re-embedding episodes: 3 of 12");
        assertThat(robot.lookup("Timeline").queryAs(ToggleButton.class).isDisabled()).isTrue();

        FxSupport.onFx(() -> {
            model.opened(null);
            view.ready(new Label("scope"), Map.of(Screen.CHAT, new Label("chat screen"), Screen.TIMELINE, new Label("timeline screen")));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("chat screen").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("timeline screen").tryQuery()).isPresent();
        assertThat(model.screenProperty().get()).isEqualTo(Screen.TIMELINE);
        assertThat(preferences.get("screen")).contains("TIMELINE");
        assertThat(robot.lookup("Profile").queryAs(ToggleButton.class).isDisabled()).as("no profile screen given").isTrue();
        assertThat(robot.lookup("/data/engram").tryQuery()).isPresent();
        FxSupport.onFx(() -> {
            ((Stage) view.root().getScene().getWindow()).hide();
            return null;
        });
    }

    @Test
    void theAboutDialogTellsVersionDataFolderAndLogFolder() throws Exception {
        ShellViewModel model = new ShellViewModel(UiPreferences.inMemory(), UiExecutors.direct(), about("/data/about-test"));
        ShellView view = new ShellView(model);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view.load(), 1000, 700));
            stage.show();
        });
        FxRobot robot = new FxRobot();
        robot.clickOn("About");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".about-version").queryAs(Label.class).getText()).isEqualTo("Version 1.2.3");
        assertThat(robot.lookup(".about-data-folder").queryAs(TextField.class).getText()).isEqualTo("/data/about-test");
        assertThat(robot.lookup(".about-log-folder").queryAs(TextField.class).getText()).isEqualTo("/data/about-test/logs");
        assertThat(robot.lookup(".about-runtime").queryAs(Label.class).getText()).isEqualTo("Java 25 (test)");
        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".about-version").tryQuery()).as("closed").isEmpty();
        FxSupport.onFx(() -> {
            ((Stage) view.root().getScene().getWindow()).hide();
            return null;
        });
    }

    @Test
    void aboutDetailsCopyAsText() {
        assertThat(about("/d").asText()).contains("Engram 1.2.3", "Data folder: /d", "Log folder: /d/logs", "Runtime: Java 25 (test)");
    }

    private static AboutInfo about(String dataFolder) {
        return new AboutInfo("1.2.3", dataFolder, dataFolder + "/logs", "Java 25 (test)");
    }

    @Test
    void theThemeChoiceIsRemembered() {
        UiPreferences preferences = UiPreferences.inMemory();
        ShellViewModel model = new ShellViewModel(preferences, UiExecutors.direct(), about("/d"));
        model.toggleTheme();
        assertThat(preferences.get("theme.dark")).contains("true");
        assertThat(new ShellViewModel(preferences, UiExecutors.direct(), about("/d")).darkProperty().get()).isTrue();
    }
}
