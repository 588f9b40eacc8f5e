package dev.engram.bench.locomo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {
    @Test
    void fractionalRecallHitAllAndMrrFollowTheirDefinitions() {
        RetrievalMetrics metrics = new RetrievalMetrics();
        // evidence D1:2 and D2:5; ranked: D1:1, D1:2, D3:1, D2:5 ...
        metrics.add(4, List.of("D1:2", "D2:5"), List.of("D1:1", "D1:2", "D3:1", "D2:5"), List.of(1, 1, 3, 2), Set.of(1, 2));
        // evidence never retrieved
        metrics.add(2, List.of("D9:9"), List.of("D1:1"), List.of(1), Set.of(9));
        RetrievalMetrics.Summary all = metrics.overall();
        assertThat(all.n()).isEqualTo(2);
        assertThat(all.recallAt(1)).isZero();
        assertThat(all.recallAt(5)).isCloseTo((1.0 + 0.0) / 2, offset(1e-9));
        assertThat(all.hit()[1]).isCloseTo(0.5, offset(1e-9));
        assertThat(all.all()[1]).isCloseTo(0.5, offset(1e-9));
        assertThat(all.mrr()).isCloseTo((1.0 / 2 + 0) / 2, offset(1e-9));
        assertThat(all.sessionAnyAt(1)).isCloseTo(0.5, offset(1e-9));
        assertThat(metrics.byCategory()).containsOnlyKeys(2, 4);
        RetrievalMetrics.Summary first = metrics.byCategory().get(4);
        assertThat(first.recallAt(1)).isZero();
        assertThat(first.recall()[1]).isEqualTo(1.0);
    }

    @Test
    void malformedEvidenceIsRepairedWhereUnambiguous() {
        assertThat(LocomoReader.normalise("D8:6; D9:17")).containsExactly("D8:6", "D9:17");
        assertThat(LocomoReader.normalise("D:11:26")).containsExactly("D11:26");
        assertThat(LocomoReader.normalise("D30:05")).containsExactly("D30:5");
        assertThat(LocomoReader.normalise("D9:1 D4:4 D4:6")).containsExactly("D9:1", "D4:4", "D4:6");
        assertThat(LocomoReader.normalise("D")).isEmpty();
    }
}
