package dev.engram.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import dev.engram.support.FxSupport;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The profile editor headless: edit a value inline, see the history, archive from the toolbar. */
class ProfileViewTest {

    @Test
    void inlineEditWritesHistoryAndArchiveHidesTheFact() throws Exception {
        FxSupport.start();
        MemoryService memory = SharedEngram.get().memory();
        Scope scope = Scope.of(SharedEngram.uniqueOrg("profile-view"), "me");
        ProfileFact city = memory.profile().add(scope, new NewFact(SetIds.userSet(scope, "alice"), "alice", "profile", "home",
                "city", "Lyon", FactSource.API, List.of(), Map.of()), "api");
        memory.profile().add(scope, new NewFact(SetIds.userSet(scope, "alice"), "alice", "profile", "food", "diet",
                "vegetarian", FactSource.API, List.of(), Map.of()), "api");
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", scope.orgId());
        preferences.put("scope.project", scope.projectId());
        preferences.put("scope.producer", "alice");
        var background = Executors.newCachedThreadPool();
        ProfileViewModel model = new ProfileViewModel(new ScopeModel(preferences), memory,
                new UiExecutors(background, Platform::runLater), ZoneOffset.UTC);
        ProfileView view = new ProfileView(model);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view.load(), 1200, 760));
            stage.show();
        });
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell(robot, "Lyon") != null);
        assertThat(cell(robot, "alice's profile")).isNotNull();

        robot.doubleClickOn(cell(robot, "Lyon"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("Porto").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Porto".equals(memory.profile().get(scope, city.id()).value()));
        ListView<String> history = robot.lookup(".history").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        assertThat(history.getItems().get(1)).endsWith("· user · value: 'Lyon' → 'Porto'");
        assertThat(robot.lookup(n -> n instanceof Labeled l && "city = Porto".equals(l.getText())).tryQuery()).isPresent();

        robot.clickOn("Archive");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> memory.profile().get(scope, city.id()).status() == FactStatus.ARCHIVED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell(robot, "Porto") == null);
        assertThat(cell(robot, "vegetarian")).isNotNull();
        FxSupport.onFx(() -> {
            ((Stage) history.getScene().getWindow()).hide();
            return null;
        });
        background.shutdownNow();
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof TreeTableCell<?, ?> c && text.equals(c.getText()) && n.isVisible()
                && n.getScene() != null).tryQuery().orElse(null);
    }
}
