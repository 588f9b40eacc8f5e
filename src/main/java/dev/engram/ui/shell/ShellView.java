package dev.engram.ui.shell;

import atlantafx.base.theme.Styles;
import dev.engram.ui.support.Views;
import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The window's frame: header with the scope bar, navigation, the current screen, status bar. */
public final class ShellView {
    @FXML private BorderPane root;
    @FXML private StackPane scopeSlot;
    @FXML private Button themeButton;
    @FXML private Button aboutButton;
    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private VBox opening;
    @FXML private ProgressBar progress;
    @FXML private Label openingLabel;
    @FXML private Label failureLabel;
    @FXML private Label dataLabel;
    @FXML private Label countsLabel;
    @FXML private Label modelLabel;
    @FXML private Label apiLabel;
    @FXML private HBox workBox;
    @FXML private ProgressBar workProgress;
    @FXML private Label workLabel;
    @FXML private Button cancelWork;
    @FXML private Button dismissWork;
    @FXML private Menu fileMenu;
    @FXML private StackPane transferSlot;

    private final ShellViewModel model;
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final ToggleGroup group = new ToggleGroup();

    public ShellView(ShellViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("shell", this);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(model.openingProgressProperty());
        openingLabel.textProperty().bind(model.openingMessageProperty());
        failureLabel.textProperty().bind(model.failureProperty());
        failureLabel.managedProperty().bind(failureLabel.textProperty().isNotEmpty());
        progress.visibleProperty().bind(model.phaseProperty().isEqualTo(ShellViewModel.Phase.OPENING));
        dataLabel.textProperty().bind(model.dataFolderProperty());
        countsLabel.textProperty().bind(model.countsProperty());
        modelLabel.textProperty().bind(model.modelProperty());
        apiLabel.textProperty().bind(model.apiProperty());
        bindWork();
        themeButton.textProperty().bind(model.darkProperty().map(dark -> dark ? "Light theme" : "Dark theme"));
        themeButton.getStyleClass().add(Styles.FLAT);
        aboutButton.getStyleClass().add(Styles.FLAT);
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.title());
            button.setToggleGroup(group);
            button.setUserData(screen);
            button.setDisable(true);
            button.setOnAction(e -> model.screenProperty().set(screen));
            buttons.put(screen, button);
            navigation.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one screen is always selected
            }
        });
        model.screenProperty().addListener((o, was, now) -> show(now));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                for (Screen screen : Screen.values()) {
                    scene.getAccelerators().put(new KeyCodeCombination(screen.key(), KeyCombination.SHORTCUT_DOWN),
                            () -> model.screenProperty().set(screen));
                }
            }
        });
    }

    private void bindWork() {
        var work = model.work();
        workProgress.progressProperty().bind(work.progressProperty());
        workLabel.textProperty().bind(work.messageProperty());
        workBox.visibleProperty().bind(work.messageProperty().isNotEmpty());
        workBox.managedProperty().bind(workBox.visibleProperty());
        workProgress.visibleProperty().bind(work.runningProperty());
        workProgress.managedProperty().bind(work.runningProperty());
        cancelWork.visibleProperty().bind(work.runningProperty());
        cancelWork.managedProperty().bind(work.runningProperty());
        dismissWork.visibleProperty().bind(work.runningProperty().not());
        dismissWork.managedProperty().bind(dismissWork.visibleProperty());
        cancelWork.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        dismissWork.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    }

    @FXML
    private void cancelWork() {
        model.work().cancel();
    }

    @FXML
    private void dismissWork() {
        model.work().dismiss();
    }

    @FXML
    private void toggleTheme() {
        model.toggleTheme();
    }

    @FXML
    private void showAbout() {
        new AboutView(model.about()).show(root.getScene().getWindow());
    }

    /** Once the memory is open: the scope bar and the screens replace the opening panel. */
    public void ready(Node scopeBar, Map<Screen, Node> built) {
        scopeSlot.getChildren().setAll(scopeBar);
        screens.putAll(built);
        buttons.forEach((screen, button) -> button.setDisable(!screens.containsKey(screen)));
        content.getChildren().remove(opening);
        show(model.screenProperty().get());
    }

    /** The File menu's items and their progress strip (in the status bar), once the memory is open. */
    public void installFileMenu(java.util.List<MenuItem> items, Node progressStrip) {
        fileMenu.getItems().setAll(items);
        fileMenu.setDisable(false);
        transferSlot.getChildren().setAll(progressStrip);
    }

    private void show(Screen screen) {
        Node node = screens.get(screen);
        if (node == null) {
            return;
        }
        content.getChildren().setAll(node);
        buttons.get(screen).setSelected(true);
    }

    public Parent root() {
        return root;
    }
}
