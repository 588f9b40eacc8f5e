package dev.engram.ui.timeline;

import atlantafx.base.theme.Styles;
import dev.engram.core.episode.Episode;
import dev.engram.core.profile.ProfileFact;
import dev.engram.ui.support.State;
import dev.engram.ui.support.Views;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The timeline screen: filters, the per-day histogram, the virtualized list of days and
 * episodes (more pages load as it scrolls), and the selected episode's details.
 */
public final class TimelineView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /** Rows from the end of the list at which the next page is asked for. */
    private static final int PREFETCH = 40;

    @FXML private VBox root;
    @FXML private TextField query;
    @FXML private TextField producer;
    @FXML private TextField producedFor;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private ToggleButton order;
    @FXML private TextField expression;
    @FXML private Button clearAnchor;
    @FXML private Label filterError;
    @FXML private StackPane histogramSlot;
    @FXML private Label summary;
    @FXML private ProgressIndicator busy;
    @FXML private Label error;
    @FXML private ListView<TimelineRow> list;
    @FXML private Label empty;
    @FXML private VBox details;
    @FXML private Label detailTitle;
    @FXML private GridPane fields;
    @FXML private TextArea draft;
    @FXML private Button save;
    @FXML private Button delete;
    @FXML private Button deleteShown;
    @FXML private ListView<Episode> conversation;
    @FXML private ListView<ProfileFact> citing;

    private final TimelineViewModel model;
    private final Histogram histogram = new Histogram();
    private Consumer<Long> onOpenFact = id -> { };
    private Predicate<String> confirm = TimelineView::askConfirmation;

    public TimelineView(TimelineViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("timeline", this);
    }

    /** Called with a fact id when a citing fact is opened (the profile screen shows it). */
    public void setOnOpenFact(Consumer<Long> onOpenFact) {
        this.onOpenFact = onOpenFact;
    }

    @FXML
    private void initialize() {
        query.textProperty().bindBidirectional(model.textProperty());
        producer.textProperty().bindBidirectional(model.producerProperty());
        producedFor.textProperty().bindBidirectional(model.producedForProperty());
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        order.selectedProperty().bindBidirectional(model.newestFirstProperty());
        order.textProperty().bind(order.selectedProperty().map(newest -> newest ? "Newest first" : "Oldest first"));
        expression.textProperty().bindBidirectional(model.expressionProperty());
        filterError.textProperty().bind(model.filterErrorProperty());
        filterError.managedProperty().bind(model.filterErrorProperty().isNotEmpty());
        model.filterErrorProperty().addListener((o, was, now) ->
                expression.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        clearAnchor.visibleProperty().bind(model.anchorProperty().isNotNull());
        clearAnchor.textProperty().bind(model.anchorProperty().map(day -> "From " + day + " — show all days"));

        histogramSlot.getChildren().add(histogram);
        model.histogramProperty().addListener((o, was, now) -> histogram.setCounts(now));
        histogram.setCounts(model.histogramProperty().get());
        histogram.setOnPick(model::jumpTo);

        summary.textProperty().bind(model.summaryProperty());
        busy.visibleProperty().bind(model.stateProperty().isEqualTo(State.WORKING));
        error.textProperty().bind(model.errorProperty());

        list.setItems(model.rows());
        list.setCellFactory(view -> new RowCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now instanceof TimelineRow.Item item) {
                model.select(item.episode());
            }
        });
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.rows())
                .and(model.stateProperty().isNotEqualTo(State.WORKING)));
        model.anchorProperty().addListener((o, was, now) -> list.scrollTo(0));

        details.disableProperty().bind(model.selectedProperty().isNull());
        model.selectedProperty().addListener((o, was, now) -> showFields(now));
        draft.textProperty().bindBidirectional(model.draftProperty());
        save.disableProperty().bind(model.selectedProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> model.selectedProperty().get() == null
                                || model.draftProperty().get().equals(model.selectedProperty().get().content()),
                        model.draftProperty(), model.selectedProperty())));
        save.getStyleClass().add(Styles.ACCENT);
        delete.getStyleClass().add(Styles.DANGER);
        deleteShown.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        deleteShown.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.rows())
                .or(model.filterErrorProperty().isNotEmpty()));
        conversation.setItems(model.conversation());
        conversation.setCellFactory(view -> new ConversationCell());
        conversation.setOnMouseClicked(e -> {
            Episode picked = conversation.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && picked != null) {
                model.open(picked.uid());
            }
        });
        citing.setItems(model.citing());
        citing.setCellFactory(view -> new FactCell());
        citing.setOnMouseClicked(e -> {
            ProfileFact picked = citing.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && picked != null) {
                onOpenFact.accept(picked.id());
            }
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                query.requestFocus();
                e.consume();
            }
        });
        model.reload();
    }

    /** Replaces the confirmation dialog (tests answer it themselves). */
    void setConfirm(Predicate<String> confirm) {
        this.confirm = confirm;
    }

    @FXML
    private void clearAnchor() {
        model.clearAnchor();
    }

    @FXML
    private void save() {
        model.saveEdit();
    }

    @FXML
    private void delete() {
        Episode episode = model.selectedProperty().get();
        if (episode != null && confirm.test("Delete this episode from " + episode.producer() + "?\n\n\""
                + abbreviate(episode.content(), 200) + "\"\n\nFacts that cite it keep their value but lose the citation.")) {
            model.delete();
        }
    }

    @FXML
    private void deleteShown() {
        long count = model.shownCount();
        if (count > 0 && confirm.test(String.format("Delete the %,d episode%s that match the current filters?%n%n"
                + "They are deleted in batches; you can cancel from the status bar (what is deleted by then stays "
                + "deleted). Facts that cite them keep their value but lose the citation.", count, count == 1 ? "" : "s"))) {
            model.deleteShown();
        }
    }

    private static boolean askConfirmation(String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Delete");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void showFields(Episode episode) {
        fields.getChildren().clear();
        if (episode == null) {
            detailTitle.setText("Select an episode");
            return;
        }
        detailTitle.setText("Episode " + episode.uid());
        int row = 0;
        row = field(row, "When", WHEN.format(episode.createdAt().atZone(model.zone())));
        row = field(row, "Producer", episode.producer());
        row = field(row, "Role", episode.role().isEmpty() ? "—" : episode.role());
        row = field(row, "Produced for", episode.producedFor() == null ? "—" : episode.producedFor());
        row = field(row, "Type", episode.episodeType());
        for (var entry : new java.util.TreeMap<>(episode.metadata()).entrySet()) {
            row = field(row, "m." + entry.getKey(), entry.getValue());
        }
    }

    private int field(int row, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add("field-name");
        key.setMinWidth(Label.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        fields.addRow(row, key, text);
        return row + 1;
    }

    static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    /** A day header or an episode; asks for the next page when it comes near the end. */
    private final class RowCell extends ListCell<TimelineRow> {
        private final Label meta = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(2, meta, text);

        RowCell() {
            meta.getStyleClass().add("episode-meta");
            text.getStyleClass().add("episode-text");
            text.setWrapText(false);
            box.getStyleClass().add("episode-cell");
            setPrefWidth(0); // never wider than the list: long texts end in an ellipsis, no sideways scrolling
            listViewProperty().addListener((o, was, list) -> {
                if (list != null) {
                    text.maxWidthProperty().bind(list.widthProperty().subtract(48));
                }
            });
        }

        @Override
        protected void updateItem(TimelineRow row, boolean isEmpty) {
            super.updateItem(row, isEmpty);
            getStyleClass().removeAll("day-header", "role-assistant");
            setText(null);
            setGraphic(null);
            if (isEmpty || row == null) {
                return;
            }
            switch (row) {
                case TimelineRow.Day day -> {
                    getStyleClass().add("day-header");
                    setText(DAY.format(day.day()) + "  ·  " + day.count() + (day.count() == 1 ? " episode" : " episodes"));
                }
                case TimelineRow.Item item -> {
                    Episode e = item.episode();
                    if ("assistant".equalsIgnoreCase(e.role())) {
                        getStyleClass().add("role-assistant");
                    }
                    meta.setText(TIME.format(e.createdAt().atZone(model.zone())) + "   " + e.producer()
                            + (e.role().isEmpty() ? "" : " (" + e.role() + ")")
                            + (e.producedFor() == null ? "" : " → " + e.producedFor()));
                    text.setText(abbreviate(e.content(), 240));
                    setGraphic(box);
                }
            }
            if (getIndex() >= getListView().getItems().size() - PREFETCH) {
                Platform.runLater(model::loadMore);
            }
        }
    }

    private final class ConversationCell extends ListCell<Episode> {
        @Override
        protected void updateItem(Episode episode, boolean isEmpty) {
            super.updateItem(episode, isEmpty);
            setStyle(null);
            if (isEmpty || episode == null) {
                setText(null);
                return;
            }
            setWrapText(true);
            setPrefWidth(0);
            setText(episode.producer() + ": " + abbreviate(episode.content(), 300));
            boolean current = episode.equals(model.selectedProperty().get());
            setStyle(current ? "-fx-font-weight: bold;" : null);
        }
    }

    private static final class FactCell extends ListCell<ProfileFact> {
        @Override
        protected void updateItem(ProfileFact fact, boolean isEmpty) {
            super.updateItem(fact, isEmpty);
            setText(isEmpty || fact == null ? null
                    : fact.category() + " / " + fact.tag() + ": " + fact.feature() + " = " + fact.value());
        }
    }

    /** For tests: the day the histogram would pick at x. */
    LocalDate histogramDayAt(double x) {
        return histogram.dayAt(x);
    }
}
