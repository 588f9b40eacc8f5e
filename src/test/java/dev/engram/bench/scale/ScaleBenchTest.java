package dev.engram.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.Progress;
import dev.engram.core.scope.Filter;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tiny scale run, so the harness cannot rot: every figure is measured, none is made up. */
class ScaleBenchTest {

    @Test
    void aTinyRunMeasuresEveryFigureAtEachCheckpoint() throws Exception {
        var engram = SharedEngram.get();
        String prefix = SharedEngram.uniqueOrg("scale");
        Corpus corpus = new Corpus(1, 2, 2, prefix, Corpus.Replies.VARIED);
        ScaleBench bench = new ScaleBench(engram.memory(), TestApi.baseUri(), engram.dataDir(), 15, corpus)
                .withStages(new SearchStages(engram.episodeStore(), engram.embedder(),
                        dev.engram.core.episode.EpisodicSearch.Settings.defaults()))
                .withSettling(java.time.Duration.ofSeconds(3))
                .withWarmUpRounds(2);

        List<ScaleBench.Checkpoint> checkpoints = bench.run(List.of(150, 300), Progress.NONE);

        assertThat(checkpoints).extracting(ScaleBench.Checkpoint::episodes).containsExactly(150L, 300L);
        for (ScaleBench.Checkpoint c : checkpoints) {
            assertThat(c.ingestPerSecond()).isPositive();
            for (ScaleBench.Stats s : List.of(c.searchInProcess(), c.searchRest(), c.addRest(), c.timelinePage())) {
                assertThat(s.n()).isEqualTo(15);
                assertThat(s.p50()).isPositive().isLessThanOrEqualTo(s.p95());
                assertThat(s.p95()).isLessThanOrEqualTo(s.p99());
            }
            assertThat(c.diskBytes()).isPositive();
            assertThat(c.peakRssBytes()).isPositive();
            assertThat(c.settledSeconds()).isBetween(0.0, 4.5); // waited for quiet, at most the 3 s asked
            assertThat(c.warmUpSearches()).isIn(30, 60); // one or two rounds of 15 searches each way
            assertThat(c.cost().resident().anonymousBytes() + c.cost().resident().fileBytes())
                    .isPositive().isLessThanOrEqualTo(c.peakRssBytes());
            assertThat(c.cost().ingestCpuMillisPerEpisode()).isPositive();
            assertThat(c.cost().searchCpuMillis()).isPositive();
            assertThat(c.cost().heapUsedBytes()).isPositive().isLessThanOrEqualTo(c.cost().heapCommittedBytes());
            assertThat(c.searchStages()).containsOnlyKeys("embed query", "full text", "vector", "fusion", "timeline",
                    "top 10 read");
            c.searchStages().values().forEach(s -> assertThat(s.n()).isEqualTo(15));
            assertThat(c.diskParts().get("vector properties")).isPositive();
            assertThat(c.diskParts().get("vector index")).isPositive();
            // no part is counted twice (the rest would go negative) and the total is the folder's
            assertThat(c.diskParts().values()).allSatisfy(bytes -> assertThat(bytes).isNotNegative());
            assertThat(c.diskBytes()).isGreaterThan(c.diskParts().get("vector properties") + c.diskParts().get("vector index"));
        }
        long stored = corpus.scopes().stream().mapToLong(s -> engram.memory().countEpisodes(s, Filter.all())).sum();
        assertThat(stored).isEqualTo(300 + 2 * 15); // the corpus plus the single adds measured over REST
        assertThat(checkpoints.getLast().bigScopeEpisodes()).isGreaterThan(checkpoints.getFirst().bigScopeEpisodes());
        assertThat(checkpoints.getLast().diskBytes()).as("the folder, give or take a checkpoint's writes since")
                .isCloseTo(ScaleBench.diskBytes(engram.dataDir()), org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(ScaleReport.markdown(checkpoints, null)).contains("| 300 |").contains("ingest/s").contains("search steps:");
    }
}
