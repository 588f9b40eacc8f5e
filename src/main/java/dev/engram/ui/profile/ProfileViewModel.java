package dev.engram.ui.profile;

import dev.engram.core.episode.Episode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile editor: the scope's facts grouped by set, category and tag; add, edit, archive,
 * restore, delete; the selected fact's history and the episodes it cites.
 */
public final class ProfileViewModel {
    static final int LIMIT = 10_000;
    static final String ACTOR = "user";

    /** An episode a fact cites, with its text (or a note when it was deleted). */
    public record Citation(long uid, String text) {
    }

    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty showArchived = new SimpleBooleanProperty(false);
    private final ObservableList<ProfileFact> visible = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ProfileFact> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<Citation> citations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final ScopeModel scope;
    private final MemoryService memory;
    private final UiExecutors executors;
    private final ZoneId zone;
    private List<ProfileFact> all = List.of();
    private Consumer<Long> onOpenEpisode = uid -> { };
    private long generation;

    public ProfileViewModel(ScopeModel scope, MemoryService memory, UiExecutors executors, ZoneId zone) {
        this.scope = scope;
        this.memory = memory;
        this.executors = executors;
        this.zone = zone;
        search.addListener((o, was, now) -> refilter());
        showArchived.addListener((o, was, now) -> refilter());
        scope.scopeProperty().addListener((o, was, now) -> {
            select(null);
            reload();
        });
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showArchivedProperty() {
        return showArchived;
    }

    /** The facts shown, ordered by set, category, tag and feature. */
    public ObservableList<ProfileFact> visible() {
        return visible;
    }

    public ReadOnlyObjectProperty<ProfileFact> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected fact's history, oldest first, in words. */
    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<Citation> citations() {
        return citations;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    public void setOnOpenEpisode(Consumer<Long> onOpenEpisode) {
        this.onOpenEpisode = onOpenEpisode;
    }

    /** A readable name for a set id: whose profile it is. */
    public String setLabel(String setId) {
        Scope target = scope.scope();
        if (target == null) {
            return setId;
        }
        if (setId.equals(SetIds.projectSet(target))) {
            return "Project profile";
        }
        return SetIds.producerOf(target, setId).map(p -> p + "'s profile").orElse(setId);
    }

    /** The visible facts as set → category → tag → facts. */
    public SortedMap<String, SortedMap<String, SortedMap<String, List<ProfileFact>>>> grouped() {
        SortedMap<String, SortedMap<String, SortedMap<String, List<ProfileFact>>>> tree = new TreeMap<>();
        for (ProfileFact fact : visible) {
            tree.computeIfAbsent(fact.setId(), k -> new TreeMap<>()).computeIfAbsent(fact.category(), k -> new TreeMap<>())
                    .computeIfAbsent(fact.tag(), k -> new ArrayList<>()).add(fact);
        }
        return tree;
    }

    // --- commands ------------------------------------------------------------------------------

    public void reload() {
        Scope target = scope.scope();
        long run = ++generation;
        if (target == null) {
            all = List.of();
            refilter();
            return;
        }
        executors.run(() -> memory.profile().list(target, true, LIMIT), facts -> {
            if (run == generation) {
                all = facts;
                refilter();
                ProfileFact current = selected.get();
                if (current != null) {
                    facts.stream().filter(f -> f.id() == current.id()).findFirst().ifPresentOrElse(this::select, () -> select(null));
                }
            }
        }, this::failed);
    }

    private void refilter() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        List<ProfileFact> shown = all.stream()
                .filter(f -> showArchived.get() || f.status() == FactStatus.ACTIVE)
                .filter(f -> needle.isEmpty() || (f.feature() + " " + f.value() + " " + f.tag() + " " + f.category())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(ProfileFact::setId).thenComparing(ProfileFact::category)
                        .thenComparing(ProfileFact::tag).thenComparing(ProfileFact::feature).thenComparingLong(ProfileFact::id))
                .toList();
        visible.setAll(shown);
        long active = all.stream().filter(f -> f.status() == FactStatus.ACTIVE).count();
        summary.set(String.format("%,d %s (%,d archived)%s", active, active == 1 ? "fact" : "facts", all.size() - active,
                needle.isEmpty() ? "" : String.format(", %,d match \"%s\"", shown.size(), search.get().strip())));
    }

    /** Shows a fact's history and citations; null clears. */
    public void select(ProfileFact fact) {
        selected.set(fact);
        history.clear();
        citations.clear();
        Scope target = scope.scope();
        if (fact == null || target == null) {
            return;
        }
        executors.run(() -> new Details(memory.profile().history(target, fact.id()).stream()
                .map(change -> HistoryLine.of(change, zone)).toList(), cited(target, fact)), details -> {
            if (selected.get() != null && selected.get().id() == fact.id()) {
                history.setAll(details.history());
                citations.setAll(details.citations());
            }
        }, this::failed);
    }

    private record Details(List<String> history, List<Citation> citations) {
    }

    private List<Citation> cited(Scope target, ProfileFact fact) {
        List<Long> existing = memory.episodes().existing(target, fact.citations());
        List<Citation> out = new ArrayList<>();
        for (long uid : fact.citations()) {
            if (existing.contains(uid)) {
                Episode episode = memory.episodes().get(target, uid);
                out.add(new Citation(uid, episode.producer() + ": " + episode.content()));
            } else {
                out.add(new Citation(uid, "(episode " + uid + " was deleted)"));
            }
        }
        return out;
    }

    /** Selects a fact by id (from the chat's context panel or the timeline). */
    public void open(long id) {
        Scope target = scope.scope();
        if (target == null) {
            return;
        }
        executors.run(() -> memory.profile().get(target, id), fact -> {
            search.set("");
            if (fact.status() == FactStatus.ARCHIVED) {
                showArchived.set(true);
            }
            reload();
            select(fact);
        }, this::failed);
    }

    /** Adds a fact to the user's profile (or the project's when {@code forProject}); false with a message when invalid. */
    public boolean add(boolean forProject, String category, String tag, String feature, String value) {
        Scope target = scope.scope();
        if (target == null) {
            error.set("Fix the scope first: " + scope.problemProperty().get());
            return false;
        }
        NewFact fact;
        try {
            String producer = scope.producer();
            String set = forProject ? SetIds.projectSet(target) : SetIds.userSet(target, producer);
            fact = new NewFact(set, producer, blankToDefault(category, "profile"), tag, feature, value, FactSource.USER,
                    List.of(), Map.of());
        } catch (dev.engram.core.InvalidInputException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        executors.run(() -> memory.profile().add(target, fact, ACTOR), added -> {
            reload();
            select(added);
        }, this::failed);
        return true;
    }

    private static String blankToDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.strip();
    }

    /** Saves an inline edit: only the parts that changed are sent (a new value supersedes the old one). */
    public void saveEdit(ProfileFact fact, String feature, String value) {
        Scope target = scope.scope();
        if (target == null) {
            return;
        }
        FactPatch patch;
        try {
            patch = new FactPatch(null, null, changed(fact.feature(), feature), changed(fact.value(), value), null);
        } catch (dev.engram.core.InvalidInputException e) {
            error.set(e.getMessage());
            return;
        }
        if (patch.isEmpty()) {
            return;
        }
        error.set("");
        executors.run(() -> memory.profile().update(target, fact.id(), patch, ACTOR), updated -> {
            reload();
            select(updated);
        }, this::failed);
    }

    private static String changed(String before, String after) {
        return after == null || after.strip().equals(before) ? null : after.strip();
    }

    public void archive() {
        change(fact -> memory.profile().archive(scope.scope(), fact.id(), ACTOR));
    }

    public void restore() {
        change(fact -> memory.profile().restore(scope.scope(), fact.id(), ACTOR));
    }

    /** Deletes the selected fact (the view asks first); its history stays readable over REST. */
    public void delete() {
        ProfileFact fact = selected.get();
        Scope target = scope.scope();
        if (fact == null || target == null) {
            return;
        }
        executors.run(() -> {
            memory.profile().delete(target, List.of(fact.id()), ACTOR);
            return fact;
        }, deleted -> {
            select(null);
            reload();
        }, this::failed);
    }

    private void change(java.util.function.Function<ProfileFact, ProfileFact> action) {
        ProfileFact fact = selected.get();
        if (fact == null || scope.scope() == null) {
            return;
        }
        executors.run(() -> action.apply(fact), changed -> {
            reload();
            select(changed);
        }, this::failed);
    }

    /** Opens a cited episode in the timeline. */
    public void openCitation(long uid) {
        onOpenEpisode.accept(uid);
    }

    private void failed(Throwable failure) {
        error.set(failure.getMessage());
    }
}
