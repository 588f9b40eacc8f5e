package dev.engram.ui.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The isolation lab's view model on the real store, without the toolkit. */
class IsolationViewModelTest {
    private static MemoryService memory;
    private static String org;

    @BeforeAll
    static void store() {
        memory = SharedEngram.get().memory();
        org = SharedEngram.uniqueOrg("lab");
        memory.episodes().add(Scope.of(org, "home"), List.of(
                new NewEpisode("alice", "assistant", "user", "I only eat vegetarian food", Instant.parse("2026-02-01T10:00:00Z"), Map.of("topic", "food")),
                new NewEpisode("bob", "assistant", "user", "Bob loves steak and fries", Instant.parse("2026-02-01T11:00:00Z"), Map.of("topic", "food")),
                new NewEpisode("alice", "assistant", "user", "My train leaves at nine", Instant.parse("2026-02-02T08:00:00Z"), Map.of("topic", "travel"))));
        memory.episodes().add(Scope.of(org, "work"), List.of(
                new NewEpisode("alice", "assistant", "user", "The canteen food at work is vegetarian on Mondays",
                        Instant.parse("2026-02-03T12:00:00Z"), Map.of("topic", "food"))));
    }

    private static IsolationViewModel model() {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", org);
        preferences.put("scope.project", "home");
        preferences.put("scope.producer", "alice");
        return new IsolationViewModel(new ScopeModel(preferences), memory, UiExecutors.direct());
    }

    @Test
    void probesShareTheQueryAndEachShowsOnlyItsScopeAndWhatItsFilterExcluded() {
        IsolationViewModel model = model();
        assertThat(model.probes()).hasSize(2);
        assertThat(model.probes().get(1).filterProperty().get()).isEqualTo("producer = 'alice'");
        Probe work = model.addProbe();
        work.projectProperty().set("work");
        model.queryProperty().set("what food does she eat");
        model.run();

        Probe all = model.probes().get(0);
        Probe alice = model.probes().get(1);
        assertThat(all.hits()).filteredOn(h -> h.kind() == ProbeHit.Kind.EPISODE).extracting(ProbeHit::text)
                .contains("I only eat vegetarian food", "Bob loves steak and fries").doesNotContain("The canteen food at work is vegetarian on Mondays");
        assertThat(all.summaryProperty().get()).startsWith("3 episodes and 0 facts in " + org + "/home; 3 episodes pass (no filter)");
        assertThat(alice.hits()).extracting(ProbeHit::who).containsOnly("alice");
        assertThat(alice.summaryProperty().get()).contains("2 episodes pass producer = 'alice'");
        assertThat(alice.excludedProperty().get()).contains("excluded 1").contains("bob: Bob loves steak and fries");
        assertThat(work.hits()).extracting(ProbeHit::text).containsExactly("The canteen food at work is vegetarian on Mondays");
        assertThat(model.addProbe()).isNotNull();
        assertThat(model.addProbe()).as("at most four probes").isNull();
    }

    @Test
    void aBadFilterOrScopeIsReportedOnItsProbeOnly() {
        IsolationViewModel model = model();
        model.probes().get(0).filterProperty().set("colour = 'red'");
        model.probes().get(1).projectProperty().set("../etc");
        model.queryProperty().set("food");
        Probe third = model.addProbe();
        third.projectProperty().set("home");
        model.run();
        assertThat(model.probes().get(0).errorProperty().get()).contains("colour");
        assertThat(model.probes().get(0).hits()).isEmpty();
        assertThat(model.probes().get(1).errorProperty().get()).contains("Project");
        assertThat(third.errorProperty().get()).isEmpty();
        assertThat(third.hits()).isNotEmpty();
    }

    @Test
    void theLeakCheckReportsACleanStore() {
        IsolationViewModel model = model();
        model.leakProbesProperty().set(60);
        model.runLeakCheck();
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.leakReportProperty().get()).startsWith("60 probes over").endsWith("no result outside its scope or filter.");
        assertThat(model.leaks()).isEmpty();
        assertThat(model.leakProgressProperty().get()).isEqualTo(1.0);
    }
}
