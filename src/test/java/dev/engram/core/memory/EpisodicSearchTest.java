package dev.engram.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EpisodicSearchTest {
    static MemoryService memory;
    static Scope scope;
    static List<Episode> conversation;

    @BeforeAll
    static void conversation() {
        memory = SharedEngram.get().memory();
        scope = Scope.of(SharedEngram.uniqueOrg("search"), "conversation");
        String[] lines = {
                "Good morning, how was the weekend?",
                "It was fine, we stayed home mostly.",
                "Did you watch anything good?",
                "We watched a documentary about octopuses.",
                "My sister Priya just got a job as a marine biologist in Lisbon.",
                "That is wonderful news for her!",
                "She starts in March and is moving next month.",
                "Will you visit her there?",
                "Probably in the summer.",
        };
        List<NewEpisode> messages = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            messages.add(new NewEpisode(i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice", "user", lines[i],
                    Instant.parse("2025-06-01T09:00:00Z").plusSeconds(60L * i), Map.of()));
        }
        conversation = memory.episodes().add(scope, messages);
    }

    private static List<ScoredEpisode> search(String query, int topK, int expand, String filter, Double threshold) {
        return memory.search(new SearchQuery(scope, query, topK, FilterParser.parse(filter), expand, threshold,
                Set.of())).episodes();
    }

    @Test
    void theBestHitComesFirst() {
        List<ScoredEpisode> hits = search("Where does Priya work as a marine biologist?", 3, 0, "", null);
        assertThat(hits.getFirst().episode()).isEqualTo(conversation.get(4));
        assertThat(hits).extracting(ScoredEpisode::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(hits).noneMatch(ScoredEpisode::isContext);
    }

    @Test
    void contextExpansionPutsAThirdBeforeAndTheRestAfterInTimeOrder() {
        List<ScoredEpisode> hits = search("Priya marine biologist Lisbon", 4, 3, "", null);
        assertThat(hits).extracting(ScoredEpisode::episode)
                .containsExactly(conversation.get(3), conversation.get(4), conversation.get(5), conversation.get(6));
        long nucleus = conversation.get(4).uid();
        assertThat(hits).filteredOn(h -> !h.isContext()).extracting(h -> h.episode().uid()).containsExactly(nucleus);
        assertThat(hits).filteredOn(ScoredEpisode::isContext).allSatisfy(h -> assertThat(h.contextOf()).isEqualTo(nucleus));
        assertThat(hits).extracting(ScoredEpisode::score).containsOnly(hits.getFirst().score());
    }

    @Test
    void contextNeighboursHonourTheFilter() {
        List<ScoredEpisode> hits = search("Priya marine biologist Lisbon", 4, 3, "producer = 'alice'", null);
        assertThat(hits).extracting(h -> h.episode().producer()).containsOnly("alice");
        assertThat(hits).extracting(ScoredEpisode::episode)
                .containsExactly(conversation.get(2), conversation.get(4), conversation.get(6), conversation.get(8));
    }

    @Test
    void expansionNeverExceedsTopKAndATightThresholdDropsWeakHits() {
        assertThat(search("weekend documentary summer", 5, 50, "", null)).hasSize(5);
        List<ScoredEpisode> all = search("Priya", 9, 0, "", null);
        double best = all.getFirst().score();
        assertThat(search("Priya", 9, 0, "", best)).allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(best));
        assertThat(search("Priya", 9, 0, "", 1.01)).isEmpty();
    }

    @Test
    void blankQueriesAndZeroTopKFindNothing() {
        assertThat(search("   ", 5, 0, "", null)).isEmpty();
        assertThat(search("Priya", 0, 0, "", null)).isEmpty();
        assertThat(memory.search(new SearchQuery(scope, "Priya", 5, Filter.all(), 0, null, Set.of())).episodes()).isNotEmpty();
    }
}
