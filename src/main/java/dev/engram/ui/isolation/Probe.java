package dev.engram.ui.isolation;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Ids;
import dev.engram.core.scope.Scope;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One side of the comparison: a scope and a filter expression, and what they returned. */
public final class Probe {
    private final StringProperty org = new SimpleStringProperty("");
    private final StringProperty project = new SimpleStringProperty("");
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper excluded = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<ProbeHit> hits = FXCollections.observableArrayList();

    Probe(String org, String project, String filter) {
        this.org.set(org);
        this.project.set(project);
        this.filter.set(filter);
    }

    public StringProperty orgProperty() {
        return org;
    }

    public StringProperty projectProperty() {
        return project;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Counts: how many memories the scope has and how many pass the filter. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the filter kept out of the best matches. */
    public ReadOnlyStringProperty excludedProperty() {
        return excluded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<ProbeHit> hits() {
        return hits;
    }

    /** The scope, or null with the error set. */
    Scope scope() {
        try {
            return Scope.of(Ids.requireSafeId("Organisation", org.get().strip()),
                    Ids.requireSafeId("Project", project.get().strip()));
        } catch (dev.engram.core.InvalidInputException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** The parsed filter, or null with the error set. */
    Filter parsedFilter() {
        try {
            return FilterParser.parse(filter.get());
        } catch (dev.engram.core.InvalidInputException e) { // FilterSyntaxException included
            error.set(e.getMessage());
            return null;
        }
    }

    void clear() {
        error.set("");
        summary.set("");
        excluded.set("");
        hits.clear();
    }

    void show(Result result) {
        hits.setAll(result.hits());
        summary.set(result.summary());
        excluded.set(result.excluded());
    }

    void fail(String message) {
        error.set(message);
    }

    record Result(java.util.List<ProbeHit> hits, String summary, String excluded) {
    }
}
