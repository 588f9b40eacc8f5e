package dev.engram.ui.scope;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Project;
import dev.engram.ui.support.UiExecutors;
import java.util.List;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Choices for the scope bar: known organisations, their projects, and the people in the project. */
public final class ScopeBarViewModel {
    private final ScopeModel scope;
    private final MemoryService memory;
    private final UiExecutors executors;
    private final ObservableList<String> orgs = FXCollections.observableArrayList();
    private final ObservableList<String> projects = FXCollections.observableArrayList();
    private final ObservableList<String> people = FXCollections.observableArrayList();

    public ScopeBarViewModel(ScopeModel scope, MemoryService memory, UiExecutors executors) {
        this.scope = scope;
        this.memory = memory;
        this.executors = executors;
        scope.scopeProperty().addListener((o, was, now) -> refresh());
    }

    public ScopeModel scope() {
        return scope;
    }

    public ObservableList<String> orgs() {
        return orgs;
    }

    public ObservableList<String> projects() {
        return projects;
    }

    public ObservableList<String> people() {
        return people;
    }

    /** Reloads the choices (in the background). A new project is created on first use, not here. */
    public void refresh() {
        String org = scope.orgProperty().get();
        var current = scope.scope();
        executors.run(() -> {
            List<Project> all = memory.projects().list();
            TreeSet<String> orgNames = new TreeSet<>();
            TreeSet<String> projectNames = new TreeSet<>();
            for (Project p : all) {
                orgNames.add(p.scope().orgId());
                if (p.scope().orgId().equals(org)) {
                    projectNames.add(p.scope().projectId());
                }
            }
            List<String> who = current == null ? List.of() : memory.episodes().participants(current);
            return new Choices(List.copyOf(orgNames), List.copyOf(projectNames), who);
        }, choices -> {
            setAll(orgs, choices.orgs());
            setAll(projects, choices.projects());
            setAll(people, choices.people());
        }, e -> { });
    }

    private static void setAll(ObservableList<String> target, List<String> values) {
        if (!target.equals(values)) {
            target.setAll(values);
        }
    }

    private record Choices(List<String> orgs, List<String> projects, List<String> people) {
    }
}
