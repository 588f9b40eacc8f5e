package dev.engram.ui.transfer;

import dev.engram.ui.support.State;
import dev.engram.ui.support.Views;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The File menu (export, import, backup, how to restore) and its progress strip for the status
 * bar. File choosers and the import dialog live here, behind {@link Dialogs} so tests can answer them.
 */
public final class TransferView {
    @FXML private HBox root;
    @FXML private ProgressBar progress;
    @FXML private Label taskLabel;
    @FXML private Button cancelButton;
    @FXML private Label messageLabel;

    /** What the menu asks the person; {@link #standard()} shows the real dialogs. */
    public interface Dialogs {
        Optional<Path> save(Window owner, String title, String fileName, String description, String pattern);

        Optional<Path> open(Window owner, String title);

        Optional<ImportDialog.Choice> importChoice(Window owner, Path file);

        void inform(Window owner, String title, String text);

        static Dialogs standard() {
            return new StandardDialogs();
        }
    }

    private final TransferViewModel model;
    private final Dialogs dialogs;

    public TransferView(TransferViewModel model, Dialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    public Parent load() {
        return Views.load("transfer", this);
    }

    @FXML
    private void initialize() {
        BooleanBinding working = model.stateProperty().isEqualTo(State.WORKING);
        for (var node : List.of(progress, taskLabel, cancelButton)) {
            node.visibleProperty().bind(working);
            node.managedProperty().bind(working);
        }
        progress.progressProperty().bind(model.progressProperty());
        taskLabel.textProperty().bind(model.taskProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(working.not().and(model.messageProperty().isNotEmpty()));
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        model.stateProperty().addListener((o, was, now) -> {
            root.getStyleClass().remove("failed");
            if (now == State.ERROR) {
                root.getStyleClass().add("failed");
            }
        });
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    /** The File menu's items, disabled while a job runs. */
    public List<MenuItem> menuItems() {
        MenuItem export = item("Export scope…", this::exportScope);
        MenuItem exportMine = item("Export my part of the scope…", this::exportMine);
        MenuItem importFile = item("Import…", this::importFile);
        MenuItem backup = item("Backup…", this::backup);
        MenuItem restore = item("Restore a backup…", () -> dialogs.inform(window(), "Restore a backup", model.restoreHelp()));
        BooleanBinding working = model.stateProperty().isEqualTo(State.WORKING);
        List.of(export, exportMine, importFile, backup).forEach(i -> i.disableProperty().bind(working));
        return List.of(export, exportMine, importFile, new SeparatorMenuItem(), backup, restore);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void exportScope() {
        dialogs.save(window(), "Export scope", model.suggestedExportName(), "JSON Lines", "*.jsonl")
                .ifPresent(file -> model.export(file, false));
    }

    private void exportMine() {
        dialogs.save(window(), "Export my part of the scope", model.suggestedExportName(), "JSON Lines", "*.jsonl")
                .ifPresent(file -> model.export(file, true));
    }

    private void importFile() {
        dialogs.open(window(), "Import into the current scope").ifPresent(file ->
                dialogs.importChoice(window(), file).ifPresent(choice -> model.importFile(file, choice.format(), choice.policy())));
    }

    private void backup() {
        dialogs.save(window(), "Back up the whole memory", "engram-backup-" + LocalDate.now() + ".zip", "Zip", "*.zip")
                .ifPresent(model::backup);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Real choosers and dialogs. */
    private static final class StandardDialogs implements Dialogs {
        @Override
        public Optional<Path> save(Window owner, String title, String fileName, String description, String pattern) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(fileName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> open(Window owner, String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Engram exports, ChatGPT, LoCoMo, JSON Lines", "*.jsonl", "*.json"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<ImportDialog.Choice> importChoice(Window owner, Path file) {
            return new ImportDialog(owner, file).showAndWait();
        }

        @Override
        public void inform(Window owner, String title, String text) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
            alert.initOwner(owner);
            alert.setHeaderText(title);
            alert.showAndWait();
        }
    }
}
