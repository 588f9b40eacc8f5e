package dev.engram.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.InvalidInputException;
import dev.engram.core.NotFoundException;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryServiceTest {
    private final MemoryService memory = SharedEngram.get().memory();
    private final String org = SharedEngram.uniqueOrg("svc");

    private List<Episode> remember(Scope scope, String producer, String... contents) {
        return memory.episodes().add(scope, java.util.Arrays.stream(contents)
                .map(c -> new NewEpisode(producer, null, "user", c, Instant.parse("2025-02-02T00:00:00Z"), Map.of()))
                .toList());
    }

    private ProfileFact fact(Scope scope, String producer, String tag, String value, List<Long> citations) {
        return memory.profile().add(scope, new NewFact(SetIds.userSet(scope, producer), producer, "profile", tag,
                "diet", value, FactSource.API, citations, Map.of()), "test");
    }

    private SearchOutcome search(Scope scope, String query, String filter) {
        return memory.search(new SearchQuery(scope, query, 10, FilterParser.parse(filter), 0, null, Set.of()));
    }

    @Test
    void aFilterOnAFactOnlyFieldLeavesEpisodesUnfilteredAndViceVersa() {
        Scope scope = Scope.of(org, "split");
        remember(scope, "alice", "I am vegetarian and love lentils");
        fact(scope, "alice", "Food", "vegetarian", List.of());
        fact(scope, "alice", "Health", "allergic to nuts", List.of());

        SearchOutcome byTag = search(scope, "vegetarian food", "tag = 'Food'");
        assertThat(byTag.episodes()).isNotEmpty();
        assertThat(byTag.facts()).extracting(s -> s.fact().tag()).containsOnly("Food");

        SearchOutcome byRole = search(scope, "vegetarian food", "role = 'assistant'");
        assertThat(byRole.episodes()).isEmpty();
        assertThat(byRole.facts()).hasSize(2);

        SearchOutcome byProducer = search(scope, "vegetarian food", "producer_id = 'bob'");
        assertThat(byProducer.episodes()).isEmpty();
        assertThat(byProducer.facts()).isEmpty();
    }

    @Test
    void anOrMixingEpisodeOnlyAndFactOnlyFieldsIsAClearError() {
        Scope scope = Scope.of(org, "mixed");
        assertThatThrownBy(() -> search(scope, "x", "role = 'user' OR tag = 'Food'"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tag");
    }

    @Test
    void forgettingAnEpisodeKeepsTheFactsThatCitedItWithTheirOtherCitations() {
        Scope scope = Scope.of(org, "cite");
        List<Episode> said = remember(scope, "alice", "I stopped eating meat", "Still no meat for me");
        ProfileFact diet = fact(scope, "alice", "Food", "vegetarian", List.of(said.get(0).uid(), said.get(1).uid()));

        memory.deleteEpisodes(scope, List.of(said.get(0).uid()), "test");

        assertThatThrownBy(() -> memory.episodes().get(scope, said.get(0).uid())).isInstanceOf(NotFoundException.class);
        ProfileFact after = memory.profile().get(scope, diet.id());
        assertThat(after.citations()).containsExactly(said.get(1).uid());
        assertThat(memory.profile().history(scope, diet.id())).extracting(c -> c.action())
                .containsExactly(FactAction.ADD, FactAction.UNCITE);
    }

    @Test
    void deletingAnUnknownEpisodeIsNotFoundAndDeletesNothing() {
        Scope scope = Scope.of(org, "unknown");
        List<Episode> said = remember(scope, "alice", "keep me");
        assertThatThrownBy(() -> memory.deleteEpisodes(scope, List.of(said.getFirst().uid(), Long.MAX_VALUE), "test"))
                .isInstanceOf(NotFoundException.class);
        assertThat(memory.countEpisodes(scope, Filter.all())).isEqualTo(1);
    }

    @Test
    void deletingAProjectRemovesThatProjectOnly() {
        Scope doomed = Scope.of(org, "doomed");
        Scope sibling = Scope.of(org, "sibling");
        Scope sameNameOtherOrg = Scope.of(org + "-x", "doomed");
        for (Scope scope : List.of(doomed, sibling, sameNameOtherOrg)) {
            remember(scope, "alice", "a memory about sailing");
            fact(scope, "alice", "Hobbies", "sailing", List.of());
        }
        memory.deleteProject(doomed);

        assertThat(memory.countEpisodes(doomed, Filter.all())).isZero();
        assertThat(search(doomed, "sailing", "").facts()).isEmpty();
        assertThat(memory.projects().find(doomed)).isEmpty();
        for (Scope kept : List.of(sibling, sameNameOtherOrg)) {
            assertThat(memory.countEpisodes(kept, Filter.all())).isEqualTo(1);
            assertThat(search(kept, "sailing", "").facts()).extracting(ScoredFact::fact)
                    .extracting(ProfileFact::value).containsExactly("sailing");
            assertThat(search(kept, "sailing", "").episodes()).extracting(ScoredEpisode::episode).hasSize(1);
        }
        assertThatThrownBy(() -> memory.deleteProject(doomed)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void addingToANewProjectCreatesItAndCreatingItTwiceConflicts() {
        Scope scope = Scope.of(org, "implicit");
        remember(scope, "alice", "hello");
        assertThat(memory.project(scope).scope()).isEqualTo(scope);
        assertThatThrownBy(() -> memory.createProject(scope, "again"))
                .isInstanceOf(dev.engram.core.ConflictException.class);
    }
}
