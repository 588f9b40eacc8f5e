package dev.engram.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The leak check finds nothing in a real store, and does report what it should. */
class LeakCheckTest {

    @Test
    void randomizedProbesOverTheSharedStoreFindNoLeak() {
        MemoryService memory = SharedEngram.get().memory();
        String org = SharedEngram.uniqueOrg("leak");
        for (String project : List.of("a", "b", "c")) {
            List<NewEpisode> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                batch.add(new NewEpisode(i % 3 == 0 ? "alice" : "bob", i % 2 == 0 ? "assistant" : null, i % 2 == 0 ? "user" : "assistant",
                        "shared words about coffee, trains and the " + project + " garden, note " + i,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 3600L), Map.of("topic", i % 2 == 0 ? "x" : "y")));
            }
            memory.episodes().add(Scope.of(org, project), batch);
        }
        List<Long> progress = new ArrayList<>();
        LeakCheck.Report report = new LeakCheck(memory).run(120, 7, (task, done, total) -> progress.add(done), Cancellation.none());
        assertThat(report.probes()).isEqualTo(120);
        assertThat(report.scopes()).isGreaterThanOrEqualTo(3);
        assertThat(report.resultsChecked()).isGreaterThan(200);
        assertThat(report.leaks()).isEmpty();
        assertThat(progress).contains(0L, 120L);
    }

    @Test
    void cancellingStopsEarly() {
        MemoryService memory = SharedEngram.get().memory();
        memory.episodes().add(Scope.of(SharedEngram.uniqueOrg("leak-cancel"), "p"), List.of(
                new NewEpisode("alice", null, "user", "hello", Instant.now(), Map.of())));
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        LeakCheck.Report report = new LeakCheck(memory).run(1000, 1, Progress.NONE, cancel);
        assertThat(report.cancelled()).isTrue();
        assertThat(report.probes()).isZero();
    }

    @Test
    void aResultOfAnotherScopeOrFailingTheFilterIsReported() {
        Scope asked = Scope.of("acme", "one");
        Episode foreign = new Episode(5, Scope.of("acme", "two"), "alice", null, "user", "x", Instant.now(), Map.of(), "message");
        Episode wrongProducer = new Episode(6, asked, "bob", null, "user", "x", Instant.now(), Map.of(), "message");
        Episode fine = new Episode(7, asked, "alice", null, "user", "x", Instant.now(), Map.of(), "message");
        Filter alice = FilterParser.parse("producer = 'alice'");
        List<LeakCheck.Leak> leaks = new ArrayList<>();
        LeakCheck.check("probe", asked, alice, foreign, leaks);
        LeakCheck.check("probe", asked, alice, wrongProducer, leaks);
        LeakCheck.check("probe", asked, alice, fine, leaks);
        assertThat(leaks).extracting(LeakCheck.Leak::why).containsExactly("belongs to another scope", "does not pass the filter");
    }
}
