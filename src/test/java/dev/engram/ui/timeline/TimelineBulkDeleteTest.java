package dev.engram.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.LongWork;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Delete shown": every episode matching the filters goes, in batches, with progress and cancel. */
class TimelineBulkDeleteTest {
    private final MemoryService memory = SharedEngram.get().memory();
    private final String org = SharedEngram.uniqueOrg("bulk");

    private List<Episode> fill(Scope scope, int notes) {
        List<NewEpisode> batch = new ArrayList<>();
        Instant start = Instant.parse("2026-02-01T08:00:00Z");
        for (int i = 0; i < notes; i++) {
            boolean alice = i % 3 != 0;
            batch.add(new NewEpisode(alice ? "alice" : "bob", null, "user",
                    (alice ? "shopping list item " : "bob's garden log ") + i, start.plusSeconds(i * 600L), Map.of()));
        }
        return memory.episodes().add(scope, batch);
    }

    private TimelineViewModel model(Scope scope, LongWork work) {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", scope.orgId());
        preferences.put("scope.project", scope.projectId());
        return new TimelineViewModel(new ScopeModel(preferences), memory, UiExecutors.direct(), work, ZoneOffset.UTC);
    }

    @Test
    void deletesEveryMatchingEpisodeNotJustTheLoadedPageAndNothingElse() {
        Scope scope = Scope.of(org, "notes");
        List<Episode> added = fill(scope, 1_200); // 800 of alice: more than one page and one batch
        fill(Scope.of(org, "elsewhere"), 30);
        ProfileFact fact = memory.profile().add(scope, new NewFact(SetIds.userSet(scope, "alice"), "alice", "profile",
                "Shopping", "list", "keeps a shopping list", FactSource.USER,
                List.of(added.get(1).uid(), added.get(0).uid()), Map.of()), "test");
        LongWork work = new LongWork(UiExecutors.direct());
        List<String> messages = new ArrayList<>();
        work.messageProperty().addListener((o, was, now) -> messages.add(now));
        TimelineViewModel model = model(scope, work);
        List<Integer> changes = new ArrayList<>();
        model.setOnChanged(() -> changes.add(1));
        model.producerProperty().set("alice");

        assertThat(model.rows()).hasSizeLessThan(800); // only the first page is loaded
        assertThat(model.shownCount()).isEqualTo(800);
        assertThat(model.deleteShown()).isTrue();

        assertThat(memory.countEpisodes(scope, Filter.all())).isEqualTo(400);
        assertThat(memory.episodes().page(scope, Filter.all(), new dev.engram.core.episode.PageRequest(500, 0),
                dev.engram.core.episode.Order.OLDEST_FIRST)).allMatch(e -> e.producer().equals("bob"));
        assertThat(memory.countEpisodes(Scope.of(org, "elsewhere"), Filter.all())).isEqualTo(30);
        assertThat(memory.profile().get(scope, fact.id()).citations()).containsExactly(added.get(0).uid());
        assertThat(messages).anyMatch(m -> m.equals("Deleting 800 episodes: 500 of 800"))
                .last().isEqualTo("Deleted 800 of 800 episodes");
        assertThat(work.runningProperty().get()).isFalse();
        assertThat(model.rows()).isEmpty(); // the list was reloaded: alice has nothing left
        assertThat(changes).hasSize(1);
    }

    @Test
    void cancellingStopsAfterTheCurrentBatchAndKeepsTheRest() {
        Scope scope = Scope.of(org, "cancel");
        fill(scope, 1_200);
        LongWork work = new LongWork(UiExecutors.direct());
        work.progressProperty().addListener((o, was, now) -> {
            if (now.doubleValue() > 0 && now.doubleValue() < 1 && work.messageProperty().get().startsWith("Deleting")) {
                work.cancel(); // the person presses Cancel after the first batch
            }
        });
        TimelineViewModel model = model(scope, work);
        model.reload();

        assertThat(model.shownCount()).isEqualTo(1_200);
        assertThat(model.deleteShown()).isTrue();

        assertThat(memory.countEpisodes(scope, Filter.all())).isEqualTo(700);
        assertThat(work.messageProperty().get()).isEqualTo("Cancelled: 500 of 1,200 episodes deleted");
        assertThat(model.shownCount()).isEqualTo(700);
    }

    @Test
    void withATextQueryOnlyTheMatchesGo() {
        Scope scope = Scope.of(org, "text");
        fill(scope, 60);
        TimelineViewModel model = model(scope, new LongWork(UiExecutors.direct()));
        model.textProperty().set("garden");

        assertThat(model.shownCount()).isEqualTo(20);
        assertThat(model.deleteShown()).isTrue();

        assertThat(memory.countEpisodes(scope, Filter.all())).isEqualTo(40);
        assertThat(memory.episodes().matching(scope, "garden", Filter.all(), 100)).isEmpty();
    }

    @Test
    void onlyOneLongWorkAtATime() {
        Scope scope = Scope.of(org, "busy");
        fill(scope, 3);
        LongWork work = new LongWork(UiExecutors.direct());
        TimelineViewModel model = model(scope, work);
        model.reload();
        work.start("Re-embedding", (progress, cancel) -> {
            assertThat(model.deleteShown()).isFalse();
            return 0;
        }, n -> "done", n -> { });

        assertThat(model.errorProperty().get()).contains("Other work is running");
        assertThat(memory.countEpisodes(scope, Filter.all())).isEqualTo(3);
    }
}
