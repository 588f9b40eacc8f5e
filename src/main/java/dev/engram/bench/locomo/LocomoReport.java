package dev.engram.bench.locomo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders LoCoMo results as a Markdown table (for BENCHMARKS.md) and as a JSON-ready map. */
public final class LocomoReport {
    private LocomoReport() {
    }

    public static String markdown(Map<String, RetrievalMetrics> results, String detailed) {
        StringBuilder out = new StringBuilder();
        out.append("| configuration | n | R@1 | R@5 | R@10 | R@25 | R@50 | hit@10 | all@10 | MRR | S@1 | S@3 | S@5 |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        results.forEach((name, metrics) -> out.append(row(name, metrics.overall())));
        RetrievalMetrics chosen = results.get(detailed);
        if (chosen != null) {
            out.append("\nBy category, ").append(detailed).append(":\n\n");
            out.append("| category | n | R@1 | R@5 | R@10 | R@25 | R@50 | hit@10 | all@10 | MRR | S@1 | S@3 | S@5 |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            chosen.byCategory().forEach((category, summary) ->
                    out.append(row(category + " " + Locomo.categoryName(category), summary)));
        }
        return out.toString();
    }

    private static String row(String name, RetrievalMetrics.Summary s) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %.3f | %s | %s | %s |%n", name, s.n(),
                pct(s.recall()[0]), pct(s.recall()[1]), pct(s.recall()[2]), pct(s.recall()[3]), pct(s.recall()[4]),
                pct(s.hit()[2]), pct(s.all()[2]), s.mrr(), pct(s.sessionAny()[0]), pct(s.sessionAny()[1]),
                pct(s.sessionAny()[2]));
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f", 100 * value);
    }

    /** Every figure, per configuration, overall and per category (fractions, not percentages). */
    public static Map<String, Object> json(Map<String, RetrievalMetrics> results, Map<String, Object> run) {
        Map<String, Object> out = new LinkedHashMap<>(run);
        Map<String, Object> configurations = new LinkedHashMap<>();
        results.forEach((name, metrics) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("overall", summary(metrics.overall()));
            Map<String, Object> categories = new LinkedHashMap<>();
            metrics.byCategory().forEach((c, s) -> categories.put(c + " " + Locomo.categoryName(c), summary(s)));
            entry.put("by_category", categories);
            configurations.put(name, entry);
        });
        out.put("configurations", configurations);
        return out;
    }

    private static Map<String, Object> summary(RetrievalMetrics.Summary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", s.n());
        out.put("k", List.of(1, 5, 10, 25, 50));
        out.put("recall", s.recall());
        out.put("hit", s.hit());
        out.put("all", s.all());
        out.put("mrr", s.mrr());
        out.put("session_k", List.of(1, 3, 5));
        out.put("session_any", s.sessionAny());
        return out;
    }
}
