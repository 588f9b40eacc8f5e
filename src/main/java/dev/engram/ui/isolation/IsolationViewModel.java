package dev.engram.ui.isolation;

import dev.engram.core.Cancellation;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.memory.LeakCheck;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchOutcome;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Filters;
import dev.engram.core.scope.Scope;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The isolation lab: side-by-side probes, each with its own scope and filter, sharing one
 * query; and a leak check that runs randomized probes against the live store.
 */
public final class IsolationViewModel {
    public static final int MAX_PROBES = 4;
    static final int TOP_K = 10;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Probe> probes = FXCollections.observableArrayList();
    private final IntegerProperty leakProbes = new SimpleIntegerProperty(300);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper leakProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper leakReport = new ReadOnlyStringWrapper("");
    private final ObservableList<LeakCheck.Leak> leaks = FXCollections.observableArrayList();

    private final MemoryService memory;
    private final UiExecutors executors;
    private Cancellation leakCancel = Cancellation.none();

    public IsolationViewModel(ScopeModel scope, MemoryService memory, UiExecutors executors) {
        this.memory = memory;
        this.executors = executors;
        String org = scope.orgProperty().get();
        String project = scope.projectProperty().get();
        String producer = scope.producerProperty().get();
        probes.add(new Probe(org, project, ""));
        probes.add(new Probe(org, project, producer == null || producer.isBlank() ? "role = 'user'"
                : "producer = '" + producer.replace("'", "''") + "'"));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Probe> probes() {
        return probes;
    }

    public IntegerProperty leakProbesProperty() {
        return leakProbes;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty leakProgressProperty() {
        return leakProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leakReportProperty() {
        return leakReport.getReadOnlyProperty();
    }

    public ObservableList<LeakCheck.Leak> leaks() {
        return leaks;
    }

    /** Adds a probe (up to {@link #MAX_PROBES}) copying the last one's scope. */
    public Probe addProbe() {
        if (probes.size() >= MAX_PROBES) {
            return null;
        }
        Probe last = probes.getLast();
        Probe probe = new Probe(last.orgProperty().get(), last.projectProperty().get(), "");
        probes.add(probe);
        return probe;
    }

    public void removeProbe(Probe probe) {
        if (probes.size() > 1) {
            probes.remove(probe);
        }
    }

    /** Runs the shared query through every probe. */
    public void run() {
        String text = query.get() == null ? "" : query.get().strip();
        for (Probe probe : probes) {
            probe.clear();
            Scope scope = probe.scope();
            Filter filter = probe.parsedFilter();
            if (scope == null || filter == null) {
                continue;
            }
            executors.run(() -> compare(scope, filter, text), probe::show, failure -> probe.fail(failure.getMessage()));
        }
    }

    private Probe.Result compare(Scope scope, Filter filter, String text) {
        long total = memory.countEpisodes(scope, Filter.all());
        long passing = memory.countEpisodes(scope, filter);
        long facts = memory.profile().count(scope);
        List<ProbeHit> hits = new ArrayList<>();
        Set<Long> kept = new LinkedHashSet<>();
        String excluded;
        if (text.isEmpty()) {
            excluded = "Type a query to compare results.";
        } else {
            SearchOutcome with = memory.search(new SearchQuery(scope, text, TOP_K, filter, 0, null, Set.of()));
            for (ScoredEpisode hit : with.episodes()) {
                kept.add(hit.episode().uid());
                hits.add(new ProbeHit(ProbeHit.Kind.EPISODE, hit.episode().uid(), hit.score(), hit.episode().producer(),
                        hit.episode().content()));
            }
            for (ScoredFact fact : with.facts()) {
                hits.add(new ProbeHit(ProbeHit.Kind.FACT, fact.fact().id(), fact.score(), fact.fact().producer(),
                        fact.fact().feature() + ": " + fact.fact().value()));
            }
            if (filter.isAll()) {
                excluded = "No filter: nothing excluded.";
            } else {
                SearchOutcome without = memory.search(new SearchQuery(scope, text, TOP_K, Filter.all(), 0, null, Set.of()));
                List<String> out = without.episodes().stream().filter(h -> !kept.contains(h.episode().uid()))
                        .map(h -> h.episode().producer() + ": " + abbreviate(h.episode().content())).toList();
                excluded = out.isEmpty() ? "The filter excluded none of the " + TOP_K + " best matches."
                        : "The filter excluded " + out.size() + " of the best matches without it:\n• "
                        + String.join("\n• ", out);
            }
        }
        String summary = String.format("%,d episodes and %,d facts in %s/%s; %,d episodes pass %s", total, facts,
                scope.orgId(), scope.projectId(), passing, filter.isAll() ? "(no filter)" : Filters.describe(filter));
        return new Probe.Result(hits, summary, excluded);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 90 ? flat : flat.substring(0, 89) + "…";
    }

    /** Runs randomized probes over every scope of the store and reports any result outside its scope. */
    public void runLeakCheck() {
        if (checking.get()) {
            return;
        }
        checking.set(true);
        leaks.clear();
        leakProgress.set(0);
        leakReport.set("Checking...");
        Cancellation cancel = new Cancellation();
        leakCancel = cancel;
        int count = Math.clamp(leakProbes.get(), 1, 100_000);
        long seed = System.nanoTime();
        executors.run(() -> new LeakCheck(memory).run(count, seed,
                (task, done, total) -> executors.fx().execute(() -> leakProgress.set(total <= 0 ? -1 : (double) done / total)),
                cancel), report -> {
            checking.set(false);
            leakProgress.set(1);
            leaks.setAll(report.leaks());
            String what = String.format("%,d probes over %,d scopes checked %,d results (seed %d)", report.probes(),
                    report.scopes(), report.resultsChecked(), seed);
            leakReport.set((report.cancelled() ? "Cancelled after " : "") + what + ": "
                    + (report.clean() ? "no result outside its scope or filter." : report.leaks().size() + " LEAKS found."));
        }, failure -> {
            checking.set(false);
            leakReport.set("Leak check failed: " + failure.getMessage());
        });
    }

    public void cancelLeakCheck() {
        leakCancel.cancel();
    }
}
