package dev.engram.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.LongWork;
import dev.engram.ui.support.State;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The timeline's view model on the real store, without the toolkit (work runs inline). */
class TimelineViewModelTest {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final LocalDate DAY1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate DAY2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate DAY3 = LocalDate.of(2026, 3, 5);
    private static MemoryService memory;
    private static String org;
    private static Scope main;

    @BeforeAll
    static void store() {
        memory = SharedEngram.get().memory();
        org = SharedEngram.uniqueOrg("timeline");
        main = Scope.of(org, "journal");
        List<NewEpisode> batch = new ArrayList<>();
        Instant start = DAY1.atTime(8, 0).toInstant(ZoneOffset.UTC);
        for (int i = 0; i < 450; i++) { // more than two pages on one day
            batch.add(new NewEpisode(i % 2 == 0 ? "alice" : "bot", i % 2 == 0 ? "bot" : "alice",
                    i % 2 == 0 ? "user" : "assistant", "routine note number " + i, start.plusSeconds(i * 60L),
                    Map.of("topic", "routine")));
        }
        memory.episodes().add(main, batch);
        memory.episodes().add(main, List.of(
                new NewEpisode("alice", "bot", "user", "I started learning the cello this week",
                        DAY2.atTime(19, 0).toInstant(ZoneOffset.UTC), Map.of("topic", "music")),
                new NewEpisode("bot", "alice", "assistant", "Lovely! Who is your cello teacher?",
                        DAY2.atTime(19, 1).toInstant(ZoneOffset.UTC), Map.of("topic", "music")),
                new NewEpisode("alice", "bot", "user", "My teacher is called Ines and lives in Porto",
                        DAY2.atTime(19, 2).toInstant(ZoneOffset.UTC), Map.of("topic", "music")),
                new NewEpisode("carol", null, "user", "Carol booked the train to Lyon",
                        DAY3.atTime(9, 30).toInstant(ZoneOffset.UTC), Map.of("topic", "travel"))));
        memory.episodes().add(Scope.of(org, "other"), List.of(
                new NewEpisode("alice", "bot", "user", "secret of another project: the cello is rented",
                        DAY2.atTime(19, 5).toInstant(ZoneOffset.UTC), Map.of("topic", "music"))));
    }

    private static TimelineViewModel model(String project) {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", org);
        preferences.put("scope.project", project);
        preferences.put("scope.producer", "alice");
        return new TimelineViewModel(new ScopeModel(preferences), memory, UiExecutors.direct(),
                new LongWork(UiExecutors.direct()), ZONE);
    }

    private static List<Episode> episodes(TimelineViewModel model) {
        return model.rows().stream().filter(r -> r instanceof TimelineRow.Item)
                .map(r -> ((TimelineRow.Item) r).episode()).toList();
    }

    private static List<LocalDate> headers(TimelineViewModel model) {
        return model.rows().stream().filter(r -> r instanceof TimelineRow.Day)
                .map(r -> ((TimelineRow.Day) r).day()).toList();
    }

    @Test
    void groupsByDayNewestFirstAndCountsEveryDay() {
        TimelineViewModel model = model("journal");
        model.reload();
        assertThat(model.stateProperty().get()).isEqualTo(State.IDLE);
        assertThat(model.histogramProperty().get()).containsExactly(Map.entry(DAY1, 450L), Map.entry(DAY2, 3L),
                Map.entry(DAY3, 1L));
        assertThat(model.summaryProperty().get()).isEqualTo("454 episodes");
        assertThat(model.rows().getFirst()).isEqualTo(new TimelineRow.Day(DAY3, 1));
        assertThat(headers(model)).containsExactly(DAY3, DAY2, DAY1);
        assertThat(episodes(model)).hasSize(TimelineViewModel.PAGE);
        assertThat(episodes(model)).extracting(Episode::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        model.newestFirstProperty().set(false);
        assertThat(model.rows().getFirst()).isEqualTo(new TimelineRow.Day(DAY1, 450));
        assertThat(episodes(model).getFirst().content()).isEqualTo("routine note number 0");
    }

    @Test
    void pagesLoadUntilEveryEpisodeIsShownOnceAndNoDayHeaderRepeats() {
        TimelineViewModel model = model("journal");
        model.reload();
        for (int i = 0; i < 10; i++) {
            model.loadMore();
        }
        List<Episode> shown = episodes(model);
        assertThat(shown).hasSize(454);
        assertThat(shown).extracting(Episode::uid).doesNotHaveDuplicates();
        assertThat(headers(model)).containsExactly(DAY3, DAY2, DAY1);
        assertThat(shown).noneMatch(e -> e.content().contains("another project"));
    }

    @Test
    void filtersCombineAndABadExpressionIsReportedWithoutLosingTheList() {
        TimelineViewModel model = model("journal");
        model.reload();
        model.producerProperty().set("alice");
        model.expressionProperty().set("m.topic = 'music'");
        assertThat(episodes(model)).extracting(Episode::content).containsExactly(
                "My teacher is called Ines and lives in Porto", "I started learning the cello this week");
        assertThat(model.histogramProperty().get()).containsExactly(Map.entry(DAY2, 2L));

        model.expressionProperty().set("m.topic = 'music' AND");
        assertThat(model.filterErrorProperty().get()).contains("position");
        assertThat(episodes(model)).as("the last good result stays").hasSize(2);

        model.expressionProperty().set("colour = 'red'");
        assertThat(model.filterErrorProperty().get()).contains("colour");

        model.expressionProperty().set("");
        model.producerProperty().set("");
        model.fromProperty().set(DAY2);
        model.toProperty().set(DAY2);
        assertThat(episodes(model)).hasSize(3).allMatch(e -> e.content().contains("cello") || e.content().contains("teacher"));
        assertThat(model.filterErrorProperty().get()).isEmpty();
    }

    @Test
    void theSelectionClearsWhenTheFiltersOrTheScopeChangeAndStaysOnARefresh() {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", org);
        preferences.put("scope.project", "journal");
        preferences.put("scope.producer", "alice");
        ScopeModel scope = new ScopeModel(preferences);
        TimelineViewModel model = new TimelineViewModel(scope, memory, UiExecutors.direct(),
                new LongWork(UiExecutors.direct()), ZONE);
        model.reload();
        Episode routine = episodes(model).getLast();
        model.select(routine);

        model.reload(); // the same filters again (as after an edit elsewhere)
        assertThat(model.selectedProperty().get()).isEqualTo(routine);

        model.textProperty().set("cello");
        assertThat(episodes(model)).doesNotContain(routine);
        assertThat(model.selectedProperty().get()).as("not among the rows any more").isNull();

        Episode cello = episodes(model).getFirst();
        model.select(cello);
        scope.projectProperty().set("other");
        assertThat(model.selectedProperty().get()).as("an episode of another project").isNull();
    }

    @Test
    void textSearchFindsMatchesOnlyInTheScope() {
        TimelineViewModel model = model("journal");
        model.textProperty().set("cello");
        assertThat(episodes(model)).extracting(Episode::content)
                .contains("I started learning the cello this week", "Lovely! Who is your cello teacher?")
                .noneMatch(c -> c.contains("another project"));
        assertThat(model.summaryProperty().get()).contains("for \"cello\" among 454 episodes");
    }

    @Test
    void jumpingToADayStartsTheListThere() {
        TimelineViewModel model = model("journal");
        model.reload();
        model.jumpTo(DAY2);
        assertThat(model.anchorProperty().get()).isEqualTo(DAY2);
        assertThat(headers(model).getFirst()).isEqualTo(DAY2);
        assertThat(model.histogramProperty().get()).as("the histogram still shows every day").hasSize(3);
        model.clearAnchor();
        assertThat(headers(model).getFirst()).isEqualTo(DAY3);
    }

    @Test
    void selectionShowsTheConversationAndCitingFactsAndEditsAndDeletesStick() {
        Scope scope = Scope.of(org, "edit");
        List<Episode> added = memory.episodes().add(scope, List.of(
                new NewEpisode("alice", "bot", "user", "I am vegetarian since 2019", Instant.parse("2026-04-01T10:00:00Z"), Map.of()),
                new NewEpisode("bot", "alice", "assistant", "Noted, no meat then.", Instant.parse("2026-04-01T10:00:05Z"), Map.of()),
                new NewEpisode("alice", "bot", "user", "And I like spicy food", Instant.parse("2026-04-01T10:00:10Z"), Map.of())));
        ProfileFact fact = memory.profile().add(scope, new NewFact("user_alice", "alice", "profile", "food", "diet",
                "vegetarian", FactSource.USER, List.of(added.getFirst().uid()), Map.of()), "test");
        TimelineViewModel model = model("edit");
        model.reload();
        model.select(added.get(1));
        assertThat(model.conversation()).extracting(Episode::uid).containsExactly(
                added.get(0).uid(), added.get(1).uid(), added.get(2).uid());
        model.select(added.getFirst());
        assertThat(model.citing()).extracting(ProfileFact::id).containsExactly(fact.id());
        assertThat(model.draftProperty().get()).isEqualTo("I am vegetarian since 2019");

        model.draftProperty().set("I am vegetarian since 2018");
        model.saveEdit();
        assertThat(memory.episodes().get(scope, added.getFirst().uid()).content()).isEqualTo("I am vegetarian since 2018");
        assertThat(episodes(model)).extracting(Episode::content).contains("I am vegetarian since 2018");

        model.select(memory.episodes().get(scope, added.get(2).uid()));
        model.delete();
        assertThat(memory.countEpisodes(scope, Filter.all())).isEqualTo(2);
        assertThat(episodes(model)).hasSize(2);
        assertThat(model.histogramProperty().get()).containsExactly(Map.entry(LocalDate.of(2026, 4, 1), 2L));
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void openingAnEpisodeByUidJumpsToItsDayAndSelectsIt() {
        Episode cello = memory.episodes().matching(main, "Ines Porto", Filter.all(), 1).getFirst();
        TimelineViewModel model = model("journal");
        model.textProperty().set("train");
        model.open(cello.uid());
        assertThat(model.textProperty().get()).isEmpty();
        assertThat(model.anchorProperty().get()).isEqualTo(DAY2);
        assertThat(model.selectedProperty().get().uid()).isEqualTo(cello.uid());
        assertThat(episodes(model)).extracting(Episode::uid).contains(cello.uid());
    }

    @Test
    void anInvalidScopeShowsNothingAndAnotherProjectNeverLeaksIn() {
        TimelineViewModel other = model("other");
        other.reload();
        assertThat(episodes(other)).extracting(Episode::content)
                .containsExactly("secret of another project: the cello is rented");
        TimelineViewModel bad = model("bad/project");
        bad.reload();
        assertThat(bad.rows()).isEmpty();
    }
}
