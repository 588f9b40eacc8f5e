package dev.engram.bench.scale;

import dev.engram.bench.Latencies;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.episode.Hit;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times each step of a long-term search on its own, the way {@link EpisodicSearch} runs them:
 * the query's embedding, the full-text query, the vector search, fusion, the timeline re-ranking
 * (one store read and the arithmetic) and the read of the top ten episodes.
 */
public final class SearchStages {
    private final EpisodeStore store;
    private final Embedder embedder;
    private final EpisodicSearch.Settings settings;

    public SearchStages(EpisodeStore store, Embedder embedder, EpisodicSearch.Settings settings) {
        this.store = store;
        this.embedder = embedder;
        this.settings = settings;
    }

    /** Stage name to its latencies over {@code samples} searches of the corpus's scopes and queries. */
    public Map<String, ScaleBench.Stats> measure(Corpus corpus, int samples) {
        Map<String, Latencies> stages = new LinkedHashMap<>();
        for (String name : List.of("embed query", "full text", "vector", "fusion", "timeline", "top 10 read")) {
            stages.put(name, new Latencies());
        }
        int candidates = settings.candidates();
        for (int i = 0; i < samples; i++) {
            Scope scope = corpus.nextScope();
            String query = corpus.query();
            float[] vector = time(stages.get("embed query"), () -> embedder.embedQuery(query));
            List<Hit> text = time(stages.get("full text"),
                    () -> store.searchText(scope, settings.queryText().of(query), Filter.all(), candidates));
            List<Hit> near = time(stages.get("vector"), () -> store.searchVector(scope, vector, Filter.all(), candidates));
            List<Hit> fused = time(stages.get("fusion"), () -> settings.fusion().fuse(text, near));
            List<Hit> ranked = time(stages.get("timeline"), () -> settings.timeline().isActive() && !fused.isEmpty()
                    ? settings.timeline().apply(fused, store.links(scope, fused.stream().map(Hit::uid).toList(), Filter.all()))
                    : fused);
            List<Long> top = new ArrayList<>(ranked.subList(0, Math.min(10, ranked.size())).stream().map(Hit::uid).toList());
            time(stages.get("top 10 read"), () -> store.getAll(scope, top));
        }
        Map<String, ScaleBench.Stats> out = new LinkedHashMap<>();
        stages.forEach((name, latencies) -> out.put(name, ScaleBench.Stats.of(latencies)));
        return out;
    }

    private static <T> T time(Latencies into, Supplier<T> step) {
        long start = System.nanoTime();
        T result = step.get();
        into.record((System.nanoTime() - start) / 1_000);
        return result;
    }
}
