package dev.engram.ui.chat;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.engram.ui.support.Views;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The chat pane: model bar, offline banner, transcript, input, and the context panel. */
public final class ChatView {
    @FXML private Parent root;
    @FXML private ComboBox<String> model;
    @FXML private TextField url;
    @FXML private Button reconnect;
    @FXML private StackPane bannerSlot;
    @FXML private ListView<ChatEntry> transcript;
    @FXML private Label error;
    @FXML private TextArea input;
    @FXML private Button send;
    @FXML private Button stop;
    @FXML private Label contextSummary;
    @FXML private ListView<ContextItem> context;
    @FXML private TextArea prompt;

    private final ChatViewModel vm;
    private Consumer<Long> onOpenEpisode = uid -> { };
    private Consumer<Long> onOpenFact = id -> { };

    public ChatView(ChatViewModel vm) {
        this.vm = vm;
    }

    public Parent load() {
        return Views.load("chat", this);
    }

    /** Where a double-clicked episode of the context panel opens (the timeline). */
    public void setOnOpenEpisode(Consumer<Long> onOpenEpisode) {
        this.onOpenEpisode = onOpenEpisode;
    }

    /** Where a double-clicked fact of the context panel opens (the profile editor). */
    public void setOnOpenFact(Consumer<Long> onOpenFact) {
        this.onOpenFact = onOpenFact;
    }

    @FXML
    private void initialize() {
        model.setItems(vm.models());
        model.valueProperty().bindBidirectional(vm.modelProperty());
        url.textProperty().bindBidirectional(vm.ollamaUrlProperty());
        url.setOnAction(e -> vm.connect());
        reconnect.setTooltip(new Tooltip("Ask Ollama at this URL for its models again"));

        Message banner = new Message("Ollama is not available", "");
        banner.getStyleClass().add(Styles.WARNING);
        banner.descriptionProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerSlot.getChildren().add(banner);
        bannerSlot.managedProperty().bind(banner.visibleProperty());

        transcript.setItems(vm.transcript());
        transcript.setCellFactory(list -> new BubbleCell());
        transcript.setPlaceholder(new Label("Ask something. Each turn recalls this scope's memory and is remembered."));
        vm.transcript().addListener((ListChangeListener<ChatEntry>) c -> transcript.scrollTo(vm.transcript().size() - 1));
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());

        input.textProperty().bindBidirectional(vm.inputProperty());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                e.consume();
                vm.send();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancel();
            }
        });
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(vm.busyProperty().or(vm.inputProperty().isEmpty()));
        stop.disableProperty().bind(vm.busyProperty().not());
        stop.setTooltip(new Tooltip("Stop the answer (Esc); what arrived is kept"));

        context.setItems(vm.context());
        context.setCellFactory(list -> new ContextCell());
        context.setPlaceholder(new Label("Nothing recalled yet."));
        context.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open(context.getSelectionModel().getSelectedItem());
            }
        });
        context.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(context.getSelectionModel().getSelectedItem());
            }
        });
        contextSummary.textProperty().bind(Bindings.createStringBinding(this::summary, vm.context(), vm.transcript()));
        prompt.textProperty().bind(vm.promptProperty());
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                input.requestFocus();
            }
        });
        vm.connect();
    }

    private String summary() {
        if (vm.transcript().isEmpty()) {
            return "Send a message: what Engram recalls for it appears here, with scores. Double-click one to open it.";
        }
        long facts = vm.context().stream().filter(i -> i.kind() == ContextItem.Kind.FACT).count();
        long found = vm.context().stream().filter(i -> i.kind() == ContextItem.Kind.EPISODE).count();
        long recent = vm.context().stream().filter(i -> i.kind() == ContextItem.Kind.RECENT).count();
        return facts + (facts == 1 ? " fact, " : " facts, ") + found + " episodes found for the message, " + recent
                + " more of the latest messages. Double-click one to open it.";
    }

    private void open(ContextItem item) {
        if (item == null) {
            return;
        }
        if (item.kind() == ContextItem.Kind.FACT) {
            onOpenFact.accept(item.id());
        } else {
            onOpenEpisode.accept(item.id());
        }
    }

    @FXML
    private void send() {
        vm.send();
    }

    @FXML
    private void stop() {
        vm.cancel();
    }

    @FXML
    private void reconnect() {
        vm.connect();
    }

    private static final class BubbleCell extends ListCell<ChatEntry> {
        private final Label who = new Label();
        private final Label body = new Label();
        private final VBox bubble = new VBox(3, who, body);
        private final HBox row = new HBox(bubble);
        private final javafx.beans.value.ChangeListener<ChatEntry.Kind> restyle = (o, was, now) -> style(now);
        private ChatEntry shown;

        BubbleCell() {
            who.getStyleClass().add("who");
            body.getStyleClass().add("body");
            body.setWrapText(true);
            body.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of cutting with an ellipsis
            bubble.getStyleClass().add("bubble");
            bubble.setMaxWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(bubble, Priority.NEVER);
            listViewProperty().addListener((o, was, list) -> {
                if (list != null) {
                    body.maxWidthProperty().bind(list.widthProperty().multiply(0.72));
                }
            });
        }

        @Override
        protected void updateItem(ChatEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            body.textProperty().unbind();
            who.textProperty().unbind();
            if (shown != null) {
                shown.kindProperty().removeListener(restyle);
            }
            shown = entry;
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            body.textProperty().bind(Bindings.createStringBinding(
                    () -> entry.text().isEmpty() && entry.streamingProperty().get() ? "…" : entry.text(),
                    entry.textProperty(), entry.streamingProperty()));
            who.textProperty().bind(entry.kindProperty().map(kind -> switch (kind) {
                case USER -> "You";
                case ASSISTANT -> "Assistant";
                case NOTICE -> "Engram";
            }));
            style(entry.kind());
            entry.kindProperty().addListener(restyle);
            row.setAlignment(entry.kind() == ChatEntry.Kind.USER ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            setGraphic(row);
        }

        private void style(ChatEntry.Kind kind) {
            bubble.getStyleClass().removeAll("bubble-user", "bubble-assistant", "bubble-notice");
            bubble.getStyleClass().add("bubble-" + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    private static final class ContextCell extends ListCell<ContextItem> {
        private final Label kind = new Label();
        private final Label score = new Label();
        private final Label title = new Label();
        private final Label text = new Label();
        private final VBox box;

        ContextCell() {
            kind.getStyleClass().add("context-kind");
            score.getStyleClass().add("context-score");
            title.getStyleClass().add("context-title");
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            HBox head = new HBox(8, kind, score, title);
            head.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, head, text);
            listViewProperty().addListener((o, was, list) -> {
                if (list != null) {
                    text.maxWidthProperty().bind(list.widthProperty().subtract(30));
                }
            });
        }

        @Override
        protected void updateItem(ContextItem item, boolean empty) {
            super.updateItem(item, empty);
            kind.getStyleClass().removeAll("kind-fact", "kind-episode", "kind-recent");
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            kind.setText(switch (item.kind()) {
                case FACT -> "fact";
                case EPISODE -> "episode";
                case RECENT -> "latest";
            });
            kind.getStyleClass().add("kind-" + item.kind().name().toLowerCase(Locale.ROOT));
            score.setText(item.hasScore() ? String.format(Locale.ROOT, "%.3f", item.score()) : "");
            title.setText(item.title());
            text.setText(item.text().length() > 400 ? item.text().substring(0, 399) + "…" : item.text());
            setGraphic(box);
        }
    }
}
