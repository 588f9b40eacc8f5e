package dev.engram.ui.isolation;

import atlantafx.base.theme.Styles;
import dev.engram.core.memory.LeakCheck;
import dev.engram.ui.support.Views;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The isolation lab: probe columns side by side, and the leak check. */
public final class IsolationView {
    @FXML private VBox root;
    @FXML private TextField query;
    @FXML private Button run;
    @FXML private Button add;
    @FXML private HBox probes;
    @FXML private Spinner<Integer> count;
    @FXML private Button check;
    @FXML private Button cancel;
    @FXML private ProgressBar progress;
    @FXML private Label report;
    @FXML private ListView<LeakCheck.Leak> leaks;

    private final IsolationViewModel model;

    public IsolationView(IsolationViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("isolation", this);
    }

    @FXML
    private void initialize() {
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(e -> model.run());
        run.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(javafx.beans.binding.Bindings.size(model.probes()).greaterThanOrEqualTo(IsolationViewModel.MAX_PROBES));
        model.probes().addListener((ListChangeListener<Probe>) c -> layoutProbes());
        layoutProbes();

        count.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000, model.leakProbesProperty().get(), 100));
        count.valueProperty().addListener((o, was, now) -> model.leakProbesProperty().set(now));
        check.disableProperty().bind(model.checkingProperty());
        cancel.disableProperty().bind(model.checkingProperty().not());
        progress.progressProperty().bind(model.leakProgressProperty());
        progress.visibleProperty().bind(model.checkingProperty());
        report.textProperty().bind(model.leakReportProperty());
        model.leakReportProperty().addListener((o, was, now) -> {
            report.getStyleClass().removeAll("clean", "leaky");
            if (now.contains("LEAKS")) {
                report.getStyleClass().add("leaky");
            } else if (now.contains("no result outside")) {
                report.getStyleClass().add("clean");
            }
        });
        leaks.setItems(model.leaks());
        leaks.setPlaceholder(new Label("No leaks listed."));
        leaks.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LeakCheck.Leak leak, boolean empty) {
                super.updateItem(leak, empty);
                setText(empty || leak == null ? null : leak.found() + " " + leak.why() + " — " + leak.probe());
            }
        });
    }

    private void layoutProbes() {
        probes.getChildren().clear();
        int n = 1;
        for (Probe probe : model.probes()) {
            Node pane = probePane(probe, n++);
            HBox.setHgrow(pane, Priority.ALWAYS);
            probes.getChildren().add(pane);
        }
    }

    private Node probePane(Probe probe, int number) {
        Label title = new Label("Probe " + number);
        title.getStyleClass().add("probe-title");
        Button remove = new Button("Remove");
        remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        remove.setOnAction(e -> model.removeProbe(probe));
        remove.setDisable(model.probes().size() < 2);
        HBox head = new HBox(8, title, new javafx.scene.layout.Region(), remove);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);

        TextField org = field(probe.orgProperty(), "org");
        TextField project = field(probe.projectProperty(), "project");
        TextField filter = field(probe.filterProperty(), "filter, e.g. producer = 'alice' AND m.topic = 'food'");
        filter.setOnAction(e -> model.run());
        probe.errorProperty().addListener((o, was, now) -> filter.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("Org"), org);
        form.addRow(1, new Label("Project"), project);
        form.addRow(2, new Label("Filter"), filter);
        GridPane.setHgrow(org, Priority.ALWAYS);
        GridPane.setHgrow(project, Priority.ALWAYS);
        GridPane.setHgrow(filter, Priority.ALWAYS);

        Label summary = label(probe.summaryProperty(), "probe-summary");
        Label error = label(probe.errorProperty(), "probe-error");
        Label excluded = label(probe.excludedProperty(), "probe-excluded");
        ListView<ProbeHit> hits = new ListView<>(probe.hits());
        hits.getStyleClass().add("hits");
        hits.setPlaceholder(new Label("No results."));
        hits.setCellFactory(list -> new HitCell());
        VBox.setVgrow(hits, Priority.ALWAYS);
        VBox pane = new VBox(6, head, form, error, summary, hits, excluded);
        pane.getStyleClass().add("probe");
        pane.setMinWidth(220);
        pane.setPrefWidth(400);
        return pane;
    }

    private static TextField field(javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(value);
        field.setPromptText(prompt);
        return field;
    }

    private static Label label(javafx.beans.value.ObservableStringValue text, String style) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void addProbe() {
        model.addProbe();
    }

    @FXML
    private void check() {
        model.runLeakCheck();
    }

    @FXML
    private void cancel() {
        model.cancelLeakCheck();
    }

    private static final class HitCell extends ListCell<ProbeHit> {
        private final Label kind = new Label();
        private final Label score = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(2, new HBox(8, kind, score), text);

        HitCell() {
            kind.getStyleClass().add("hit-kind");
            score.getStyleClass().add("hit-score");
            text.setWrapText(true);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            listViewProperty().addListener((o, was, list) -> {
                if (list != null) {
                    text.maxWidthProperty().bind(list.widthProperty().subtract(30));
                }
            });
        }

        @Override
        protected void updateItem(ProbeHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            kind.setText(hit.kind().name().toLowerCase(Locale.ROOT) + " · " + hit.who());
            score.setText(String.format(Locale.ROOT, "%.3f", hit.score()));
            text.setText(hit.text().length() > 300 ? hit.text().substring(0, 299) + "…" : hit.text());
            setGraphic(box);
        }
    }
}
