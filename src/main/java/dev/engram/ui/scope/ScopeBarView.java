package dev.engram.ui.scope;

import atlantafx.base.theme.Styles;
import dev.engram.ui.support.Views;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The scope bar shared by every screen: editable pickers filled from what is stored. */
public final class ScopeBarView {
    @FXML private ComboBox<String> org;
    @FXML private ComboBox<String> project;
    @FXML private ComboBox<String> producer;
    @FXML private ComboBox<String> producedFor;
    @FXML private Label problem;

    private final ScopeBarViewModel model;

    public ScopeBarView(ScopeBarViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("scopebar", this);
    }

    @FXML
    private void initialize() {
        ScopeModel scope = model.scope();
        bind(org, model.orgs(), scope.orgProperty(), "The organisation: memories never cross it.");
        bind(project, model.projects(), scope.projectProperty(), "The project; a new one is created on first use.");
        bind(producer, model.people(), scope.producerProperty(), "Who you are in this project (your messages' producer).");
        bind(producedFor, model.people(), scope.producedForProperty(), "Whom your messages are for (produced_for).");
        problem.textProperty().bind(scope.problemProperty().map(p -> p == null ? "" : p));
        scope.problemProperty().addListener((o, was, now) -> {
            for (ComboBox<String> box : java.util.List.of(org, project, producer, producedFor)) {
                box.pseudoClassStateChanged(Styles.STATE_DANGER, now != null);
            }
        });
        model.refresh();
    }

    private static void bind(ComboBox<String> box, ObservableList<String> items, StringProperty value, String help) {
        box.setItems(items);
        box.getEditor().setText(value.get());
        box.setValue(value.get());
        box.getEditor().textProperty().addListener((o, was, now) -> value.set(now == null ? "" : now.strip()));
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(box.getEditor().getText())) {
                box.getEditor().setText(now);
            }
        });
        box.setTooltip(new Tooltip(help));
    }
}
