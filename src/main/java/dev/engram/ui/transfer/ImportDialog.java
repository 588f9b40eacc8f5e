package dev.engram.ui.transfer;

import dev.engram.core.transfer.ConflictPolicy;
import dev.engram.core.transfer.ImportFormat;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Asks how to import a file: its format (recognised by default) and what to do with conflicts. */
public final class ImportDialog {
    /** The answers. */
    public record Choice(ImportFormat format, ConflictPolicy policy) {
    }

    private final Dialog<Choice> dialog = new Dialog<>();

    ImportDialog(Window owner, Path file) {
        dialog.initOwner(owner);
        dialog.setTitle("Import");
        dialog.setHeaderText("Import " + file.getFileName() + " into the current scope");
        ChoiceBox<ImportFormat> format = new ChoiceBox<>(FXCollections.observableArrayList(ImportFormat.values()));
        format.setValue(ImportFormat.AUTO);
        format.setConverter(converter(f -> switch (f) {
            case AUTO -> "Recognise it";
            case ENGRAM -> "Engram export";
            case CHATGPT -> "ChatGPT conversations.json";
            case LOCOMO -> "LoCoMo conversations";
            case JSONL -> "JSON Lines of messages";
        }));
        ChoiceBox<ConflictPolicy> policy = new ChoiceBox<>(FXCollections.observableArrayList(ConflictPolicy.values()));
        policy.setValue(ConflictPolicy.SKIP);
        policy.setConverter(converter(p -> p == ConflictPolicy.SKIP ? "Keep what is stored" : "Take the imported version"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Already stored but different"), policy);
        Label note = new Label("The whole file is checked first: a bad file changes nothing."
                + " Importing it again adds nothing.");
        note.setWrapText(true);
        note.setMaxWidth(420);
        grid.add(note, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(button -> button == ButtonType.OK ? new Choice(format.getValue(), policy.getValue()) : null);
    }

    Optional<Choice> showAndWait() {
        return dialog.showAndWait();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
