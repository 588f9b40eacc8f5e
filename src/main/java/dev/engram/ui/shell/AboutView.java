package dev.engram.ui.shell;

import dev.engram.ui.support.Views;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** The About dialog: version, data folder, log folder and runtime; the paths can be selected and copied. */
public final class AboutView {
    @FXML private Label version;
    @FXML private TextField dataFolder;
    @FXML private TextField logFolder;
    @FXML private Label runtime;

    private final AboutInfo info;

    public AboutView(AboutInfo info) {
        this.info = info;
    }

    /** Opens the dialog over {@code owner} without waiting for it to close. */
    public Dialog<Void> show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Engram");
        dialog.getDialogPane().setContent(Views.load("about", this));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        version.setText("Version " + info.version());
        dataFolder.setText(info.dataFolder());
        logFolder.setText(info.logFolder());
        runtime.setText(info.runtime());
    }

    @FXML
    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(info.asText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }
}
