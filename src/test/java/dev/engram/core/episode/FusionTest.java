package dev.engram.core.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
    private static final List<Hit> TEXT = List.of(new Hit(1, 12.0), new Hit(2, 6.0), new Hit(3, 3.0));
    private static final List<Hit> VECTOR = List.of(new Hit(3, 0.9), new Hit(4, 0.8), new Hit(1, 0.5));

    @Test
    void linearFusionAveragesRelativeTextScoreAndCosine() {
        List<Hit> fused = new Fusion(Fusion.Method.LINEAR, 0.5, 0.5, 60).fuse(TEXT, VECTOR);
        // 1: (1.0 + 0.5)/2 = 0.75 ; 3: (0.25 + 0.9)/2 = 0.575 ; 4: 0.8/2 = 0.4 ; 2: 0.5/2 = 0.25
        assertThat(fused).extracting(Hit::uid).containsExactly(1L, 3L, 4L, 2L);
        assertThat(fused).extracting(Hit::score).containsExactly(0.75, 0.575, 0.4, 0.25);
    }

    @Test
    void minMaxFusionScalesEachListBetweenItsWorstAndBest() {
        List<Hit> fused = new Fusion(Fusion.Method.MINMAX, 0.5, 0.5, 60).fuse(TEXT, VECTOR);
        // text: 1 -> 1, 2 -> 1/3, 3 -> 0 ; vector: 3 -> 1, 4 -> 0.75, 1 -> 0 (1 and 3 tie: newer first)
        assertThat(fused).extracting(Hit::uid).containsExactly(3L, 1L, 4L, 2L);
        assertThat(fused.get(2).score()).isCloseTo(0.375, offset(1e-9));
        assertThat(fused.get(3).score()).isCloseTo(1.0 / 6, offset(1e-9));
        assertThat(new Fusion(Fusion.Method.MINMAX, 1, 1, 60).fuse(List.of(new Hit(7, 3.0)), List.of()))
                .singleElement().satisfies(h -> assertThat(h.score()).isEqualTo(0.5));
    }

    @Test
    void aLoneWeakVectorMatchStaysWeak() {
        Fusion linear = new Fusion(Fusion.Method.LINEAR, 0.5, 0.5, 60);
        List<Hit> fused = linear.fuse(List.of(), List.of(new Hit(9, 0.08)));
        assertThat(fused).singleElement().satisfies(h -> assertThat(h.score()).isCloseTo(0.04, offset(1e-9)));
        assertThat(linear.fuse(List.of(), List.of(new Hit(9, -0.3))).getFirst().score()).isZero();
    }

    @Test
    void weightsDecideWhichRetrieverLeads() {
        assertThat(new Fusion(Fusion.Method.LINEAR, 1, 0, 60).fuse(TEXT, VECTOR).getFirst().uid()).isEqualTo(1L);
        assertThat(new Fusion(Fusion.Method.LINEAR, 0, 1, 60).fuse(TEXT, VECTOR).getFirst().uid()).isEqualTo(3L);
        assertThat(new Fusion(Fusion.Method.RRF, 0.2, 0.8, 60).fuse(TEXT, VECTOR).getFirst().uid()).isEqualTo(3L);
    }

    @Test
    void reciprocalRankFusionScoresFirstRanksHighest() {
        List<Hit> fused = new Fusion(Fusion.Method.RRF, 0.5, 0.5, 60).fuse(TEXT, VECTOR);
        // 1 and 3 are each first in one list and third in the other: they tie and lead
        assertThat(fused.subList(0, 2)).extracting(Hit::uid).containsExactlyInAnyOrder(1L, 3L);
        assertThat(fused).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
    }

    @Test
    void emptyInputsGiveAnEmptyRankingAndOneListAlonePassesThrough() {
        assertThat(Fusion.defaults().fuse(List.of(), List.of())).isEmpty();
        assertThat(Fusion.defaults().fuse(TEXT, List.of())).extracting(Hit::uid).containsExactly(1L, 2L, 3L);
    }

    @Test
    void negativeOrZeroWeightsAreRejected() {
        assertThatThrownBy(() -> new Fusion(Fusion.Method.LINEAR, -1, 1, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fusion(Fusion.Method.LINEAR, 0, 0, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
