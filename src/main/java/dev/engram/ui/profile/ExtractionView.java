package dev.engram.ui.profile;

import atlantafx.base.theme.Styles;
import dev.engram.ui.support.Views;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The line above the facts that shows background extraction, with "Extract now" and "Retry failed". */
public final class ExtractionView {
    @FXML private VBox root;
    @FXML private Label summary;
    @FXML private Label failure;
    @FXML private Button now;
    @FXML private Button retry;
    @FXML private javafx.scene.control.TextField model;

    private final ExtractionViewModel viewModel;
    private final Timeline polling;

    public ExtractionView(ExtractionViewModel model) {
        this.viewModel = model;
        this.polling = new Timeline(new KeyFrame(Duration.seconds(3), e -> poll()));
        polling.setCycleCount(Animation.INDEFINITE);
    }

    public Parent load() {
        return Views.load("extraction", this);
    }

    @FXML
    private void initialize() {
        ExtractionViewModel model = viewModel;
        this.model.textProperty().bindBidirectional(model.modelProperty());
        summary.textProperty().bind(model.summaryProperty());
        failure.textProperty().bind(model.failureProperty());
        failure.managedProperty().bind(model.failureProperty().isNotEmpty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        now.disableProperty().bind(model.hasPendingProperty().not());
        retry.visibleProperty().bind(model.hasFailedProperty());
        retry.managedProperty().bind(model.hasFailedProperty());
        now.getStyleClass().addAll(Styles.SMALL);
        retry.getStyleClass().addAll(Styles.SMALL, Styles.WARNING);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                polling.stop();
            } else {
                model.refresh();
                polling.play();
            }
        });
    }

    /** Reads the state again while the line is on a showing window's scene; stops polling otherwise. */
    private void poll() {
        var scene = root.getScene();
        var window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing() || window.getScene() != scene) {
            polling.stop();
            return;
        }
        viewModel.refresh();
    }

    @FXML
    private void extractNow() {
        viewModel.extractNow();
    }

    @FXML
    private void retryFailed() {
        viewModel.retryFailed();
    }
}
