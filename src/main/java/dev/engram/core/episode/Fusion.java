package dev.engram.core.episode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses full-text and vector hits into one ranking. {@link Method#LINEAR} min-max normalises each
 * list's scores to [0, 1] and takes a weighted sum (a hit missing from a list scores 0 there);
 * {@link Method#RRF} is weighted reciprocal-rank fusion. Weights are tuned by the benchmark.
 */
public record Fusion(Method method, double textWeight, double vectorWeight, int rrfK) {

    public enum Method { LINEAR, RRF }

    public static Fusion defaults() {
        return new Fusion(Method.LINEAR, 0.5, 0.5, 60);
    }

    public Fusion {
        if (textWeight < 0 || vectorWeight < 0 || textWeight + vectorWeight <= 0) {
            throw new IllegalArgumentException("weights must be non-negative and not both zero");
        }
    }

    /** The fused ranking, best first; ties broken by uid (newer first) for a stable order. */
    public List<Hit> fuse(List<Hit> text, List<Hit> vector) {
        Map<Long, Double> scores = new HashMap<>();
        add(scores, text, textWeight);
        add(scores, vector, vectorWeight);
        double total = textWeight + vectorWeight;
        return scores.entrySet().stream()
                .map(e -> new Hit(e.getKey(), e.getValue() / total))
                .sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::uid, Comparator.reverseOrder()))
                .toList();
    }

    private void add(Map<Long, Double> scores, List<Hit> hits, double weight) {
        if (hits.isEmpty() || weight == 0) {
            return;
        }
        Map<Long, Double> normalised = method == Method.RRF ? reciprocalRanks(hits) : minMax(hits);
        normalised.forEach((uid, score) -> scores.merge(uid, weight * score, Double::sum));
    }

    private Map<Long, Double> reciprocalRanks(List<Hit> hits) {
        Map<Long, Double> out = new LinkedHashMap<>();
        for (int rank = 0; rank < hits.size(); rank++) {
            // scaled so the first rank scores 1, keeping fused scores in [0, 1]
            out.putIfAbsent(hits.get(rank).uid(), (double) (rrfK + 1) / (rrfK + rank + 1));
        }
        return out;
    }

    private static Map<Long, Double> minMax(List<Hit> hits) {
        double max = hits.stream().mapToDouble(Hit::score).max().orElse(0);
        double min = hits.stream().mapToDouble(Hit::score).min().orElse(0);
        double range = max - min;
        Map<Long, Double> out = new LinkedHashMap<>();
        for (Hit hit : hits) {
            out.putIfAbsent(hit.uid(), range <= 1e-12 ? 1.0 : (hit.score() - min) / range);
        }
        return out;
    }
}
