package dev.engram.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.BackupReport;
import dev.engram.core.transfer.ImportReport;
import dev.engram.core.transfer.ImportRequest;
import dev.engram.core.transfer.TransferManifest;
import dev.engram.core.transfer.Transfers;
import dev.engram.support.FxSupport;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.shell.Screen;
import dev.engram.ui.shell.ShellView;
import dev.engram.ui.shell.ShellViewModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu in the shell, headless: an export shows its progress and stops on Cancel. */
class TransferViewTest {

    /** An export that reports progress until it is cancelled. */
    private static final class SlowTransfers implements Transfers {
        @Override
        public TransferManifest export(Scope scope, String producer, Path file, Progress progress, Cancellation cancel) {
            while (!cancel.isCancelled()) {
                progress.update("Exporting episodes", 5, 10);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            cancel.throwIfCancelled();
            throw new IllegalStateException("not reached");
        }

        @Override
        public ImportReport importFile(ImportRequest request, Progress progress, Cancellation cancel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackupReport backup(OutputStream zip, Progress progress, Cancellation cancel) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void anExportFromTheFileMenuShowsProgressAndCancelStopsIt() throws Exception {
        FxSupport.start();
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", "acme");
        preferences.put("scope.project", "trips");
        UiExecutors executors = new UiExecutors(Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
        TransferViewModel model = new TransferViewModel(new ScopeModel(preferences), new SlowTransfers(), executors, "/d");
        AtomicReference<String> suggested = new AtomicReference<>();
        List<String> informed = new ArrayList<>();
        TransferView.Dialogs dialogs = new TransferView.Dialogs() {
            @Override
            public Optional<Path> save(Window owner, String title, String fileName, String description, String pattern) {
                suggested.set(fileName);
                return Optional.of(Path.of("/tmp/never-written.jsonl"));
            }

            @Override
            public Optional<Path> open(Window owner, String title) {
                return Optional.empty();
            }

            @Override
            public Optional<ImportDialog.Choice> importChoice(Window owner, Path file) {
                return Optional.empty();
            }

            @Override
            public void inform(Window owner, String title, String text) {
                informed.add(title + ": " + text);
            }
        };
        ShellViewModel shell = new ShellViewModel(preferences, executors,
                new dev.engram.ui.shell.AboutInfo("test", "/d", "/d/logs", "Java 25"));
        ShellView view = new ShellView(shell);
        TransferView transfer = new TransferView(model, dialogs);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view.load(), 1100, 700));
            stage.show();
            shell.opened(null);
            view.ready(new Label("scope"), Map.of(Screen.CHAT, new Label("chat screen")));
            view.installFileMenu(transfer.menuItems(), transfer.load());
        });
        FxRobot robot = new FxRobot();
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> items = bar.getMenus().getFirst().getItems();
        assertThat(bar.getMenus().getFirst().isDisable()).isFalse();
        assertThat(items).extracting(MenuItem::getText).contains("Export scope…", "Import…", "Backup…", "Restore a backup…");

        FxSupport.onFx(() -> {
            items.getFirst().fire();
            return null;
        });
        assertThat(suggested.get()).isEqualTo("acme-trips.jsonl");
        // the words and the bar are updated by separate FX events: wait for both
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".transfer-task").queryAs(Label.class)
                .getText().equals("Exporting episodes: 5 of 10")
                && robot.lookup(".transfer-progress").queryAs(ProgressBar.class).getProgress() == 0.5);
        assertThat(items.getFirst().isDisable()).as("one job at a time").isTrue();

        robot.clickOn(robot.lookup(".transfer-cancel").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".transfer-message").queryAs(Label.class)
                .getText().equals("Exporting acme/trips cancelled; nothing was written."));
        assertThat(robot.lookup(".transfer-cancel").queryAs(Button.class).isVisible()).isFalse();
        assertThat(items.getFirst().isDisable()).isFalse();

        FxSupport.onFx(() -> {
            items.getLast().fire();
            return null;
        });
        assertThat(informed).singleElement().asString().contains("engram restore");
        FxSupport.onFx(() -> {
            ((Stage) view.root().getScene().getWindow()).hide();
            return null;
        });
    }
}
