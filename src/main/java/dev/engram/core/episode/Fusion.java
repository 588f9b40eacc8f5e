package dev.engram.core.episode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses full-text and vector hits into one ranking with scores in [0, 1].
 * {@link Method#LINEAR} takes a weighted mean of the full-text score divided by the best full-text
 * score and the cosine similarity (negative cosines count as 0); a hit missing from a list scores
 * 0 there, so a weak vector match stays weak however few candidates there are.
 * {@link Method#MINMAX} is the same weighted mean after scaling each list's scores to [0, 1]
 * between its worst and best candidate: cosines of a model such as BGE crowd into a narrow band
 * (0.6-0.9), which a raw mean lets full text drown; scaled, both retrievers speak up.
 * {@link Method#RRF} is weighted reciprocal-rank fusion. Weights are tuned by the benchmark.
 */
public record Fusion(Method method, double textWeight, double vectorWeight, int rrfK) {

    public enum Method { LINEAR, MINMAX, RRF }

    /** What measured best on LoCoMo (BENCHMARKS.md): min-max scaled, full text 0.6, vector 0.4. */
    public static Fusion defaults() {
        return new Fusion(Method.MINMAX, 0.6, 0.4, 60);
    }

    public Fusion {
        if (textWeight < 0 || vectorWeight < 0 || textWeight + vectorWeight <= 0) {
            throw new IllegalArgumentException("weights must be non-negative and not both zero");
        }
        if (rrfK < 0) {
            throw new IllegalArgumentException("rrfK must not be negative");
        }
    }

    /**
     * The fused ranking, best first; ties broken by uid (newer first) for a stable order.
     * {@code text} scores are BM25 scores; {@code vector} scores are cosine similarities.
     */
    public List<Hit> fuse(List<Hit> text, List<Hit> vector) {
        Map<Long, Double> scores = new HashMap<>();
        switch (method) {
            case LINEAR -> {
                add(scores, relativeToBest(text), textWeight);
                add(scores, cosines(vector), vectorWeight);
            }
            case MINMAX -> {
                add(scores, minMax(text), textWeight);
                add(scores, minMax(vector), vectorWeight);
            }
            case RRF -> {
                add(scores, reciprocalRanks(text), textWeight);
                add(scores, reciprocalRanks(vector), vectorWeight);
            }
        }
        double total = textWeight + vectorWeight;
        return scores.entrySet().stream()
                .map(e -> new Hit(e.getKey(), e.getValue() / total))
                .sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::uid, Comparator.reverseOrder()))
                .toList();
    }

    private static void add(Map<Long, Double> scores, Map<Long, Double> normalised, double weight) {
        normalised.forEach((uid, score) -> scores.merge(uid, weight * score, Double::sum));
    }

    private Map<Long, Double> reciprocalRanks(List<Hit> hits) {
        Map<Long, Double> out = new LinkedHashMap<>();
        for (int rank = 0; rank < hits.size(); rank++) {
            // scaled so that the first rank scores 1, keeping fused scores in [0, 1]
            out.putIfAbsent(hits.get(rank).uid(), (double) (rrfK + 1) / (rrfK + rank + 1));
        }
        return out;
    }

    private static Map<Long, Double> relativeToBest(List<Hit> hits) {
        double best = hits.stream().mapToDouble(Hit::score).max().orElse(0);
        Map<Long, Double> out = new LinkedHashMap<>();
        for (Hit hit : hits) {
            out.putIfAbsent(hit.uid(), best <= 0 ? 0 : Math.max(0, hit.score()) / best);
        }
        return out;
    }

    /** Scores scaled between the list's worst (0) and best (1); a list of equal scores scores 1. */
    private static Map<Long, Double> minMax(List<Hit> hits) {
        double best = hits.stream().mapToDouble(Hit::score).max().orElse(0);
        double worst = hits.stream().mapToDouble(Hit::score).min().orElse(0);
        Map<Long, Double> out = new LinkedHashMap<>();
        for (Hit hit : hits) {
            out.putIfAbsent(hit.uid(), best > worst ? (hit.score() - worst) / (best - worst) : 1.0);
        }
        return out;
    }

    private static Map<Long, Double> cosines(List<Hit> hits) {
        Map<Long, Double> out = new LinkedHashMap<>();
        for (Hit hit : hits) {
            out.putIfAbsent(hit.uid(), Math.clamp(hit.score(), 0.0, 1.0));
        }
        return out;
    }
}
