package dev.engram.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile editor's view model on the real store, without the toolkit. */
class ProfileViewModelTest {
    private final MemoryService memory = SharedEngram.get().memory();
    private final String org = SharedEngram.uniqueOrg("profile");

    private ProfileViewModel model(String project) {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", org);
        preferences.put("scope.project", project);
        preferences.put("scope.producer", "alice");
        return new ProfileViewModel(new ScopeModel(preferences), memory, UiExecutors.direct(), ZoneOffset.UTC);
    }

    private ProfileFact fact(Scope scope, String producer, String tag, String feature, String value, List<Long> cites) {
        return memory.profile().add(scope, new NewFact(SetIds.userSet(scope, producer), producer, "profile", tag, feature,
                value, FactSource.API, cites, Map.of()), "api");
    }

    @Test
    void groupsBySetCategoryAndTagAndNeverShowsAnotherProject() {
        Scope scope = Scope.of(org, "home");
        fact(scope, "alice", "food", "diet", "vegetarian", List.of());
        fact(scope, "alice", "food", "favourite_dish", "mushroom risotto", List.of());
        fact(scope, "alice", "work", "employer", "a bakery", List.of());
        fact(scope, "bob", "food", "diet", "pescatarian", List.of());
        fact(Scope.of(org, "elsewhere"), "alice", "food", "diet", "carnivore", List.of());
        ProfileViewModel model = model("home");
        model.reload();
        var tree = model.grouped();
        assertThat(tree).containsOnlyKeys(SetIds.userSet(scope, "alice"), SetIds.userSet(scope, "bob"));
        assertThat(tree.get(SetIds.userSet(scope, "alice")).get("profile")).containsOnlyKeys("food", "work");
        assertThat(tree.get(SetIds.userSet(scope, "alice")).get("profile").get("food")).extracting(ProfileFact::feature)
                .containsExactly("diet", "favourite_dish");
        assertThat(model.visible()).extracting(ProfileFact::value).doesNotContain("carnivore").hasSize(4);
        assertThat(model.setLabel(SetIds.userSet(scope, "bob"))).isEqualTo("bob's profile");
        assertThat(model.summaryProperty().get()).isEqualTo("4 facts (0 archived)");

        model.searchProperty().set("RISOTTO");
        assertThat(model.visible()).extracting(ProfileFact::feature).containsExactly("favourite_dish");
        assertThat(model.summaryProperty().get()).endsWith("1 match \"RISOTTO\"");
    }

    @Test
    void anEditSupersedesTheValueAndTheHistorySaysBeforeAfterWhoAndWhen() {
        Scope scope = Scope.of(org, "edit");
        ProfileFact diet = fact(scope, "alice", "food", "diet", "eats meat", List.of());
        ProfileViewModel model = model("edit");
        model.reload();
        model.select(model.visible().getFirst());
        model.saveEdit(model.selectedProperty().get(), "diet", "vegetarian");

        ProfileFact stored = memory.profile().get(scope, diet.id());
        assertThat(stored.value()).isEqualTo("vegetarian");
        assertThat(memory.profile().versions(scope, diet.id())).extracting(v -> v.value()).containsExactly("eats meat");
        assertThat(model.selectedProperty().get().value()).isEqualTo("vegetarian");
        assertThat(model.history()).hasSize(2);
        assertThat(model.history().get(0)).contains(" · api · added diet = 'eats meat'");
        assertThat(model.history().get(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d · user · value: 'eats meat' → 'vegetarian'");

        model.saveEdit(model.selectedProperty().get(), "diet", "vegetarian ");
        assertThat(model.history()).as("an unchanged value writes nothing").hasSize(2);
        model.saveEdit(model.selectedProperty().get(), "diet", " ");
        assertThat(model.errorProperty().get()).contains("value");
        assertThat(memory.profile().get(scope, diet.id()).value()).isEqualTo("vegetarian");
    }

    @Test
    void archiveHidesRestoreShowsAndDeleteRemoves() {
        Scope scope = Scope.of(org, "status");
        ProfileFact keep = fact(scope, "alice", "home", "city", "Lyon", List.of());
        fact(scope, "alice", "home", "pets", "a cat", List.of());
        ProfileViewModel model = model("status");
        model.reload();
        model.select(model.visible().stream().filter(f -> f.id() == keep.id()).findFirst().orElseThrow());
        model.archive();
        assertThat(memory.profile().get(scope, keep.id()).status()).isEqualTo(FactStatus.ARCHIVED);
        assertThat(model.visible()).extracting(ProfileFact::id).doesNotContain(keep.id());
        assertThat(model.summaryProperty().get()).isEqualTo("1 fact (1 archived)");
        model.showArchivedProperty().set(true);
        assertThat(model.visible()).extracting(ProfileFact::id).contains(keep.id());
        model.restore();
        assertThat(memory.profile().get(scope, keep.id()).status()).isEqualTo(FactStatus.ACTIVE);
        assertThat(model.history()).last().asString().endsWith("restored");

        model.delete();
        assertThat(memory.profile().count(scope)).isEqualTo(1);
        assertThat(model.visible()).extracting(ProfileFact::feature).containsExactly("pets");
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void addValidatesAndCitationsOpenInTheTimeline() {
        Scope scope = Scope.of(org, "add");
        ProfileViewModel model = model("add");
        model.reload();
        assertThat(model.add(false, "", "food", "", "vegetarian")).isFalse();
        assertThat(model.errorProperty().get()).contains("feature");
        assertThat(memory.profile().count(scope)).isZero();

        assertThat(model.add(false, "", "food", "diet", "vegetarian")).isTrue();
        assertThat(model.visible()).singleElement().satisfies(f -> {
            assertThat(f.setId()).isEqualTo(SetIds.userSet(scope, "alice"));
            assertThat(f.category()).isEqualTo("profile");
            assertThat(f.source()).isEqualTo(FactSource.USER);
        });
        assertThat(model.add(true, "household", "home", "wifi", "ask Sam")).isTrue();
        assertThat(model.grouped()).containsKey(SetIds.projectSet(scope));
        assertThat(model.setLabel(SetIds.projectSet(scope))).isEqualTo("Project profile");

        List<Episode> said = memory.episodes().add(scope, List.of(new NewEpisode("alice", null, "user", "I stopped eating meat",
                Instant.parse("2026-01-05T10:00:00Z"), Map.of())));
        ProfileFact cited = fact(scope, "alice", "food", "since", "2026", List.of(said.getFirst().uid()));
        List<Long> opened = new ArrayList<>();
        model.setOnOpenEpisode(opened::add);
        model.open(cited.id());
        assertThat(model.selectedProperty().get().id()).isEqualTo(cited.id());
        assertThat(model.citations()).extracting(ProfileViewModel.Citation::text).containsExactly("alice: I stopped eating meat");
        model.openCitation(model.citations().getFirst().uid());
        assertThat(opened).containsExactly(said.getFirst().uid());

        memory.deleteEpisodes(scope, List.of(said.getFirst().uid()), "test");
        assertThat(memory.countEpisodes(scope, Filter.all())).isZero();
    }
}
