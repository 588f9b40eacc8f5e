package dev.engram.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.LongWork;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyset paging: every episode exactly once, in order, even when hundreds share one timestamp. */
class TimelinePagingTest {
    private final MemoryService memory = SharedEngram.get().memory();

    @Test
    void pagesAfterTheLastRowShowEveryEpisodeOnceEvenWithEqualTimes() {
        Scope scope = Scope.of(SharedEngram.uniqueOrg("paging"), "ties");
        Instant same = Instant.parse("2026-04-01T12:00:00Z");
        List<NewEpisode> batch = new ArrayList<>();
        for (int i = 0; i < 450; i++) { // more than two pages at one instant (an import of one conversation)
            batch.add(new NewEpisode("alice", null, "user", "tied note " + i, same, Map.of()));
        }
        for (int i = 0; i < 30; i++) {
            batch.add(new NewEpisode("alice", null, "user", "later note " + i, same.plusSeconds(60L * (i + 1)), Map.of()));
        }
        List<Episode> added = memory.episodes().add(scope, batch);
        for (boolean newestFirst : List.of(true, false)) {
            UiPreferences preferences = UiPreferences.inMemory();
            preferences.put("scope.org", scope.orgId());
            preferences.put("scope.project", scope.projectId());
            TimelineViewModel model = new TimelineViewModel(new ScopeModel(preferences), memory, UiExecutors.direct(),
                    new LongWork(UiExecutors.direct()), ZoneOffset.UTC);
            model.newestFirstProperty().set(newestFirst);
            model.reload();
            for (int i = 0; i < 10; i++) {
                model.loadMore();
            }

            List<Long> shown = model.rows().stream().filter(TimelineRow.Item.class::isInstance)
                    .map(r -> ((TimelineRow.Item) r).episode().uid()).toList();
            Comparator<Episode> order = Comparator.comparing(Episode::createdAt).thenComparingLong(Episode::uid);
            List<Long> expected = added.stream().sorted(newestFirst ? order.reversed() : order).map(Episode::uid).toList();
            assertThat(shown).as(newestFirst ? "newest first" : "oldest first").isEqualTo(expected);
        }
    }
}
