package dev.engram.bench.locomo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evidence-retrieval metrics at turn level: fractional recall@k (the share of a question's
 * evidence turns in the top k, LoCoMo's "recall accuracy"), hit@k (any), all@k (every one), MRR
 * (first evidence turn), and session recall any@k (an evidence session among the first k distinct
 * sessions of the ranking). Averaged over questions, overall and per category.
 */
public final class RetrievalMetrics {
    public static final int[] K = {1, 5, 10, 25, 50};
    public static final int[] SESSION_K = {1, 3, 5};

    /** One question's outcome. */
    private record Outcome(int category, double[] recall, double[] hit, double[] all, double reciprocalRank,
                           double[] sessionAny) {
    }

    /** Averages over a set of questions; arrays are indexed like {@link #K} and {@link #SESSION_K}. */
    public record Summary(int n, double[] recall, double[] hit, double[] all, double mrr, double[] sessionAny) {
        public double recallAt(int k) {
            return recall[indexOf(K, k)];
        }

        public double sessionAnyAt(int k) {
            return sessionAny[indexOf(SESSION_K, k)];
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    /**
     * Records one question: its category, evidence turn ids, the ranked turn ids retrieved (best
     * first) and their sessions.
     */
    public void add(int category, List<String> evidence, List<String> rankedTurns, List<Integer> rankedTurnSessions,
                    Set<Integer> evidenceSessions) {
        double[] recall = new double[K.length];
        double[] hit = new double[K.length];
        double[] all = new double[K.length];
        for (int i = 0; i < K.length; i++) {
            Set<String> top = new LinkedHashSet<>(rankedTurns.subList(0, Math.min(K[i], rankedTurns.size())));
            long found = evidence.stream().filter(top::contains).count();
            recall[i] = (double) found / evidence.size();
            hit[i] = found > 0 ? 1 : 0;
            all[i] = found == evidence.size() ? 1 : 0;
        }
        double reciprocal = 0;
        for (int rank = 0; rank < rankedTurns.size(); rank++) {
            if (evidence.contains(rankedTurns.get(rank))) {
                reciprocal = 1.0 / (rank + 1);
                break;
            }
        }
        List<Integer> sessions = new ArrayList<>(new LinkedHashSet<>(rankedTurnSessions));
        double[] sessionAny = new double[SESSION_K.length];
        for (int i = 0; i < SESSION_K.length; i++) {
            List<Integer> top = sessions.subList(0, Math.min(SESSION_K[i], sessions.size()));
            sessionAny[i] = top.stream().anyMatch(evidenceSessions::contains) ? 1 : 0;
        }
        outcomes.add(new Outcome(category, recall, hit, all, reciprocal, sessionAny));
    }

    public Summary overall() {
        return summarise(outcomes);
    }

    public Map<Integer, Summary> byCategory() {
        Map<Integer, List<Outcome>> groups = new TreeMap<>();
        outcomes.forEach(o -> groups.computeIfAbsent(o.category(), c -> new ArrayList<>()).add(o));
        Map<Integer, Summary> out = new TreeMap<>();
        groups.forEach((category, list) -> out.put(category, summarise(list)));
        return out;
    }

    private static Summary summarise(List<Outcome> list) {
        int n = list.size();
        double[] recall = new double[K.length];
        double[] hit = new double[K.length];
        double[] all = new double[K.length];
        double[] sessionAny = new double[SESSION_K.length];
        double mrr = 0;
        for (Outcome o : list) {
            for (int i = 0; i < K.length; i++) {
                recall[i] += o.recall()[i] / n;
                hit[i] += o.hit()[i] / n;
                all[i] += o.all()[i] / n;
            }
            for (int i = 0; i < SESSION_K.length; i++) {
                sessionAny[i] += o.sessionAny()[i] / n;
            }
            mrr += o.reciprocalRank() / n;
        }
        return new Summary(n, recall, hit, all, mrr, sessionAny);
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("k=" + value + " is not measured");
    }
}
