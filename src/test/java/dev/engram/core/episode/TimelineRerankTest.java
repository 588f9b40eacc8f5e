package dev.engram.core.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineRerankTest {
    private static final Instant DAY1 = Instant.parse("2024-01-01T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2024-01-05T10:00:00Z");

    /** A timeline 1-2-3 on day 1 and 4-5-6 on day 2, 30 seconds apart; 5 is a question. */
    private static TimelineLink link(long uid) {
        Long prev = uid == 1 ? null : uid - 1; // one chain across both days
        Long next = uid == 6 ? null : uid + 1;
        return new TimelineLink(uid, (uid <= 3 ? DAY1 : DAY2).plusSeconds(30 * ((uid - 1) % 3)), prev, next, uid == 5);
    }

    private static List<TimelineLink> links(long... uids) {
        java.util.Set<Long> all = new java.util.TreeSet<>();
        for (long uid : uids) {
            all.add(uid);
            all.add(uid - 1);
            all.add(uid + 1);
        }
        return all.stream().filter(u -> u >= 1 && u <= 6).map(TimelineRerankTest::link).toList();
    }

    @Test
    void theTurnAfterAStrongHitEntersTheRankingThroughItsNeighbour() {
        List<Hit> fused = List.of(new Hit(2, 0.9), new Hit(5, 0.5));
        List<Hit> ranked = new TimelineRerank(0.5, 0, Duration.ofHours(1), 1).apply(fused, links(2, 5));
        assertThat(ranked.getFirst().uid()).isEqualTo(2L);
        // 1 and 3 border the 0.9 hit: 0.5 * 0.9 / 1.5 = 0.3, ahead of 4 and 6 (0.5 * 0.5 / 1.5)
        assertThat(ranked).extracting(Hit::uid).containsExactly(2L, 5L, 3L, 1L, 6L, 4L);
        assertThat(ranked).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
    }

    @Test
    void hitsOfTheBestSessionRiseTogether() {
        // 6 alone is the second-best hit, but 3 shares a session with the best hit 1
        List<Hit> fused = List.of(new Hit(1, 0.9), new Hit(6, 0.5), new Hit(3, 0.45));
        List<Hit> ranked = new TimelineRerank(0, 1, Duration.ofHours(1), 1).apply(fused, links(1, 6, 3));
        assertThat(ranked).extracting(Hit::uid).containsExactly(1L, 3L, 6L);
    }

    @Test
    void aSessionThatMatchesTwiceOutranksASingleSlightlyBetterMatch() {
        // day 1: 0.7 alone (session 0.7 / 1.75 = 0.4); day 2: 0.6 twice (session 0.9 / 1.75 = 0.51)
        List<Hit> fused = List.of(new Hit(1, 0.7), new Hit(4, 0.6), new Hit(6, 0.6));
        List<Hit> ranked = new TimelineRerank(0, 1, Duration.ofHours(1), 1).apply(fused, links(1, 4, 6));
        assertThat(ranked).extracting(Hit::uid).containsExactly(6L, 4L, 1L);
    }

    @Test
    void aSessionGapShorterThanTheTurnsSplitsEveryTurnIntoItsOwnSession() {
        List<Hit> fused = List.of(new Hit(1, 0.9), new Hit(6, 0.5), new Hit(3, 0.45));
        List<Hit> ranked = new TimelineRerank(0, 1, Duration.ofSeconds(10), 1).apply(fused, links(1, 6, 3));
        assertThat(ranked).extracting(Hit::uid).containsExactly(1L, 6L, 3L);
    }

    @Test
    void questionsAreDiscountedByTheQuestionFactor() {
        List<Hit> fused = List.of(new Hit(5, 0.8), new Hit(2, 0.7));
        List<Hit> ranked = new TimelineRerank(0, 0, Duration.ofHours(1), 0.75).apply(fused, links(5, 2));
        assertThat(ranked).extracting(Hit::uid).containsExactly(2L, 5L);
        assertThat(ranked.get(1).score()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void withoutWeightsNothingIsActive() {
        assertThat(TimelineRerank.NONE.isActive()).isFalse();
    }
}
