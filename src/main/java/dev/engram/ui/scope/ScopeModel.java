package dev.engram.ui.scope;

import dev.engram.core.scope.Ids;
import dev.engram.core.scope.Scope;
import dev.engram.ui.support.UiPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The scope every screen works in: organisation, project, the person using the app (producer)
 * and whom their messages are for (produced_for). {@link #scope()} is null while the ids typed
 * are not valid. Remembered across runs.
 */
public final class ScopeModel {
    private final StringProperty org = new SimpleStringProperty();
    private final StringProperty project = new SimpleStringProperty();
    private final StringProperty producer = new SimpleStringProperty();
    private final StringProperty producedFor = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Scope> scope = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> problem = new ReadOnlyObjectWrapper<>();

    public ScopeModel(UiPreferences preferences) {
        org.set(preferences.get("scope.org", "personal"));
        project.set(preferences.get("scope.project", "assistant"));
        producer.set(preferences.get("scope.producer", "me"));
        producedFor.set(preferences.get("scope.produced_for", "assistant"));
        scope.bind(Bindings.createObjectBinding(this::current, org, project, producer, producedFor));
        problem.bind(Bindings.createObjectBinding(this::currentProblem, org, project, producer, producedFor));
        org.addListener((o, a, b) -> remember(preferences, "scope.org", b));
        project.addListener((o, a, b) -> remember(preferences, "scope.project", b));
        producer.addListener((o, a, b) -> remember(preferences, "scope.producer", b));
        producedFor.addListener((o, a, b) -> remember(preferences, "scope.produced_for", b));
    }

    private Scope current() {
        return currentProblem() == null ? Scope.of(org.get(), project.get()) : null;
    }

    private String currentProblem() {
        try {
            Ids.requireSafeId("Organisation", org.get());
            Ids.requireSafeId("Project", project.get());
            Ids.requireActor("You", producer.get());
            Ids.optionalActor("Talking to", producedFor.get());
            return null;
        } catch (dev.engram.core.InvalidInputException e) {
            return e.getMessage();
        }
    }

    private static void remember(UiPreferences preferences, String key, String value) {
        if (value != null) {
            preferences.put(key, value);
        }
    }

    public StringProperty orgProperty() {
        return org;
    }

    public StringProperty projectProperty() {
        return project;
    }

    public StringProperty producerProperty() {
        return producer;
    }

    public StringProperty producedForProperty() {
        return producedFor;
    }

    /** The valid scope, or null while an id is invalid. */
    public ReadOnlyObjectProperty<Scope> scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public Scope scope() {
        return scope.get();
    }

    /** Why the scope is invalid, or null. */
    public ReadOnlyObjectProperty<String> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String producer() {
        return producer.get();
    }

    public String producedFor() {
        return producedFor.get() == null || producedFor.get().isBlank() ? null : producedFor.get();
    }
}
