package dev.engram.ui.profile;

import atlantafx.base.theme.Styles;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.ProfileFact;
import dev.engram.ui.support.Views;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.cell.TextFieldTreeTableCell;
import javafx.scene.layout.GridPane;
import javafx.util.converter.DefaultStringConverter;

/** The profile editor: facts grouped by set, category and tag, inline edit, details with citations and history. */
public final class ProfileView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH);

    /** A line of the tree: a group (set, category or tag) or a fact. */
    sealed interface Row {
        record Group(String label) implements Row {
        }

        record Fact(ProfileFact fact) implements Row {
        }
    }

    @FXML private Parent root;
    @FXML private TextField search;
    @FXML private CheckBox archived;
    @FXML private Label summary;
    @FXML private TextField newCategory;
    @FXML private TextField newTag;
    @FXML private TextField newFeature;
    @FXML private TextField newValue;
    @FXML private CheckBox forProject;
    @FXML private Button add;
    @FXML private Label error;
    @FXML private TreeTableView<Row> table;
    @FXML private TreeTableColumn<Row, String> featureColumn;
    @FXML private TreeTableColumn<Row, String> valueColumn;
    @FXML private TreeTableColumn<Row, String> sourceColumn;
    @FXML private TreeTableColumn<Row, String> fromColumn;
    @FXML private TreeTableColumn<Row, String> updatedColumn;
    @FXML private Label detailTitle;
    @FXML private GridPane fields;
    @FXML private Button archive;
    @FXML private Button restore;
    @FXML private Button delete;
    @FXML private ListView<ProfileViewModel.Citation> citations;
    @FXML private ListView<String> history;
    @FXML private javafx.scene.layout.StackPane extractionSlot;

    private final ProfileViewModel model;
    private Predicate<String> confirm = ProfileView::askConfirmation;

    public ProfileView(ProfileViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("profile", this);
    }

    /** Shows background extraction's state above the facts. */
    public void showExtraction(javafx.scene.Node extraction) {
        extractionSlot.getChildren().setAll(extraction);
    }

    void setConfirm(Predicate<String> confirm) {
        this.confirm = confirm;
    }

    @FXML
    private void initialize() {
        search.textProperty().bindBidirectional(model.searchProperty());
        archived.selectedProperty().bindBidirectional(model.showArchivedProperty());
        summary.textProperty().bind(model.summaryProperty());
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        add.getStyleClass().add(Styles.ACCENT);
        newValue.setOnAction(e -> add());

        table.setRoot(new TreeItem<>(new Row.Group("facts")));
        table.setPlaceholder(new Label("No facts in this scope yet. Add one above, or let chats and agents add them."));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        featureColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(switch (c.getValue().getValue()) {
            case Row.Group group -> group.label();
            case Row.Fact fact -> fact.fact().feature();
        }));
        valueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().getValue() instanceof Row.Fact fact ? fact.fact().value() : ""));
        sourceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().getValue() instanceof Row.Fact fact ? fact.fact().source().wireName() : ""));
        fromColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().getValue() instanceof Row.Fact fact ? brief(fact.fact().validFrom()) : ""));
        updatedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().getValue() instanceof Row.Fact fact ? brief(fact.fact().updatedAt()) : ""));
        featureColumn.setCellFactory(column -> new FactCell());
        valueColumn.setCellFactory(column -> new FactCell());
        featureColumn.setOnEditCommit(e -> commit(e.getRowValue().getValue(), e.getNewValue(), null));
        valueColumn.setOnEditCommit(e -> commit(e.getRowValue().getValue(), null, e.getNewValue()));
        table.setRowFactory(view -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("group-row", "archived-row");
                if (!empty && row instanceof Row.Group) {
                    getStyleClass().add("group-row");
                } else if (!empty && row instanceof Row.Fact fact && fact.fact().status() == FactStatus.ARCHIVED) {
                    getStyleClass().add("archived-row");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() instanceof Row.Fact fact
                    && (model.selectedProperty().get() == null || model.selectedProperty().get().id() != fact.fact().id())) {
                model.select(fact.fact());
            }
        });
        model.visible().addListener((ListChangeListener<ProfileFact>) c -> rebuild());

        model.selectedProperty().addListener((o, was, now) -> showDetails(now));
        archive.disableProperty().bind(model.selectedProperty().map(f -> f.status() != FactStatus.ACTIVE).orElse(true));
        restore.disableProperty().bind(model.selectedProperty().map(f -> f.status() != FactStatus.ARCHIVED).orElse(true));
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.getStyleClass().add(Styles.DANGER);
        citations.setItems(model.citations());
        citations.setPlaceholder(new Label("Cites no episode."));
        citations.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ProfileViewModel.Citation citation, boolean empty) {
                super.updateItem(citation, empty);
                setText(empty || citation == null ? null : "#" + citation.uid() + "  " + citation.text());
            }
        });
        citations.setOnMouseClicked(e -> {
            var picked = citations.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && picked != null) {
                model.openCitation(picked.uid());
            }
        });
        history.setItems(model.history());
        history.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        history.setPlaceholder(new Label("No history."));
        model.reload();
    }

    private String brief(Instant instant) {
        return instant == null ? "" : SHORT.format(instant.atZone(model.zone()));
    }

    private String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(model.zone()));
    }

    /** Rebuilds the tree from the view model's visible facts, keeping the selection. */
    private void rebuild() {
        TreeItem<Row> top = table.getRoot();
        top.getChildren().clear();
        SortedMap<String, SortedMap<String, SortedMap<String, List<ProfileFact>>>> tree = model.grouped();
        TreeItem<Row> toSelect = null;
        for (Map.Entry<String, SortedMap<String, SortedMap<String, List<ProfileFact>>>> set : tree.entrySet()) {
            TreeItem<Row> setItem = group(top, model.setLabel(set.getKey()));
            for (var category : set.getValue().entrySet()) {
                TreeItem<Row> categoryItem = group(setItem, category.getKey());
                for (var tag : category.getValue().entrySet()) {
                    TreeItem<Row> tagItem = group(categoryItem, tag.getKey());
                    for (ProfileFact fact : tag.getValue()) {
                        TreeItem<Row> item = new TreeItem<>(new Row.Fact(fact));
                        tagItem.getChildren().add(item);
                        ProfileFact current = model.selectedProperty().get();
                        if (current != null && current.id() == fact.id()) {
                            toSelect = item;
                        }
                    }
                }
            }
        }
        if (toSelect != null) {
            table.getSelectionModel().select(toSelect);
        }
    }

    private static TreeItem<Row> group(TreeItem<Row> parent, String label) {
        TreeItem<Row> item = new TreeItem<>(new Row.Group(label));
        item.setExpanded(true);
        parent.getChildren().add(item);
        return item;
    }

    private void commit(Row row, String feature, String value) {
        if (row instanceof Row.Fact fact) {
            model.saveEdit(fact.fact(), feature == null ? fact.fact().feature() : feature,
                    value == null ? fact.fact().value() : value);
        }
    }

    private void showDetails(ProfileFact fact) {
        fields.getChildren().clear();
        if (fact == null) {
            detailTitle.setText("Select a fact");
            return;
        }
        detailTitle.setText(fact.feature() + " = " + fact.value());
        int row = 0;
        row = field(row, "Set", model.setLabel(fact.setId()));
        ((Label) fields.getChildren().getLast()).setTooltip(new javafx.scene.control.Tooltip(fact.setId()));
        row = field(row, "Category / tag", fact.category() + " / " + fact.tag());
        row = field(row, "Status", fact.status().wireName());
        row = field(row, "Source", fact.source().wireName() + (fact.producer() == null ? "" : ", from " + fact.producer()));
        row = field(row, "Valid from", when(fact.validFrom()));
        row = field(row, "Valid to", fact.validTo() == null ? "now" : when(fact.validTo()));
        row = field(row, "Created", when(fact.createdAt()));
        field(row, "Updated", when(fact.updatedAt()));
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

    @FXML
    private void add() {
        if (model.add(forProject.isSelected(), newCategory.getText(), newTag.getText(), newFeature.getText(), newValue.getText())) {
            newFeature.clear();
            newValue.clear();
        }
    }

    @FXML
    private void archive() {
        model.archive();
    }

    @FXML
    private void restore() {
        model.restore();
    }

    @FXML
    private void delete() {
        ProfileFact fact = model.selectedProperty().get();
        if (fact != null && confirm.test("Delete the fact \"" + fact.feature() + " = " + fact.value() + "\"?\n\n"
                + "Archiving hides it and can be undone; deleting removes it (its history is kept).")) {
            model.delete();
        }
    }

    private static boolean askConfirmation(String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Delete fact");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** Editable for fact rows only. */
    private static final class FactCell extends TextFieldTreeTableCell<Row, String> {
        FactCell() {
            super(new DefaultStringConverter());
        }

        @Override
        public void startEdit() {
            if (getTableRow() != null && getTableRow().getItem() instanceof Row.Fact) {
                super.startEdit();
            }
        }
    }
}
