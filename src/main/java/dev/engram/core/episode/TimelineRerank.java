package dev.engram.core.episode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-ranks fused hits with what their place in the timeline says. Conversations answer in the
 * next turn and stay on a subject for a while, so a hit's evidence is shared:
 * <ul>
 *   <li><b>neighbours</b>: an episode gains {@code neighbourWeight} times the better score of the
 *   episodes just before and after it; an episode that was no candidate itself but sits next to
 *   one enters the ranking this way;</li>
 *   <li><b>sessions</b>: hits form sessions (runs of episodes with no gap longer than
 *   {@code sessionGap} between them); an episode gains {@code sessionWeight} times its session's
 *   score (its best three scores, weighted 1, 1/2, 1/4, normalised), so that turns of the
 *   conversations that matched best, and matched more than once, rise together.</li>
 * </ul>
 * The sum is divided by {@code 1 + neighbourWeight + sessionWeight}, so scores stay in [0, 1].
 * Then a question (an episode whose text ends with "?") is multiplied by {@code questionFactor}:
 * in a conversation the answer, not the question, holds what is remembered (on LoCoMo 8% of
 * evidence turns are questions, against 22% of all turns).
 */
public record TimelineRerank(double neighbourWeight, double sessionWeight, Duration sessionGap, double questionFactor) {

    private static final double[] SESSION_DECAY = {1, 0.5, 0.25};
    private static final double SESSION_DECAY_SUM = 1.75;

    public static final TimelineRerank NONE = new TimelineRerank(0, 0, Duration.ofHours(1), 1);

    /** What measured best on LoCoMo (BENCHMARKS.md). */
    public static TimelineRerank defaults() {
        return new TimelineRerank(0.3, 0.8, Duration.ofHours(1), 0.8);
    }

    public TimelineRerank {
        if (neighbourWeight < 0 || sessionWeight < 0) {
            throw new IllegalArgumentException("neighbour and session weights must not be negative");
        }
        if (sessionGap.isNegative() || sessionGap.isZero()) {
            throw new IllegalArgumentException("session gap must be positive");
        }
        if (!(questionFactor > 0 && questionFactor <= 1)) {
            throw new IllegalArgumentException("question factor must be in (0, 1]");
        }
    }

    public boolean isActive() {
        return neighbourWeight > 0 || sessionWeight > 0 || questionFactor < 1;
    }

    /**
     * The re-ranked hits, best first (ties: newer uid first). {@code links} place the hits and
     * their neighbours ({@link EpisodeStore#links}).
     */
    public List<Hit> apply(List<Hit> fused, List<TimelineLink> links) {
        Map<Long, Double> base = new HashMap<>();
        fused.forEach(h -> base.put(h.uid(), h.score()));
        Map<Long, TimelineLink> placed = new HashMap<>();
        for (TimelineLink link : links) {
            if (base.containsKey(link.uid()) || neighbourWeight > 0) {
                placed.put(link.uid(), link);
            }
        }
        Map<Long, Double> session = sessionScores(base, placed);
        double total = 1 + neighbourWeight + sessionWeight;
        List<Hit> out = new ArrayList<>(placed.size());
        for (TimelineLink link : placed.values()) {
            double neighbour = Math.max(score(base, link.previous()), score(base, link.next()));
            double score = base.getOrDefault(link.uid(), 0.0) + neighbourWeight * neighbour
                    + sessionWeight * session.getOrDefault(link.uid(), 0.0);
            out.add(new Hit(link.uid(), score / total * (link.question() ? questionFactor : 1)));
        }
        // hits the store could not place (deleted meanwhile) keep their own score
        fused.stream().filter(h -> !placed.containsKey(h.uid())).forEach(h -> out.add(new Hit(h.uid(), h.score() / total)));
        out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::uid, Comparator.reverseOrder()));
        return out;
    }

    private static double score(Map<Long, Double> base, Long uid) {
        return uid == null ? 0 : base.getOrDefault(uid, 0.0);
    }

    /**
     * Each episode's session score: its session's three best scores, weighted 1, 1/2 and 1/4 and
     * divided by 1.75, so a session with several matching episodes beats one with a single match.
     */
    private Map<Long, Double> sessionScores(Map<Long, Double> base, Map<Long, TimelineLink> placed) {
        Map<Long, Double> out = new HashMap<>();
        if (sessionWeight <= 0) {
            return out;
        }
        List<TimelineLink> ordered = new ArrayList<>(placed.values());
        ordered.sort(Comparator.comparing(TimelineLink::createdAt).thenComparingLong(TimelineLink::uid));
        int start = 0;
        for (int i = 1; i <= ordered.size(); i++) {
            boolean split = i == ordered.size() || Duration.between(ordered.get(i - 1).createdAt(),
                    ordered.get(i).createdAt()).compareTo(sessionGap) > 0;
            if (split) {
                double[] best = new double[SESSION_DECAY.length];
                for (int j = start; j < i; j++) {
                    double score = base.getOrDefault(ordered.get(j).uid(), 0.0);
                    for (int k = 0; k < best.length; k++) {
                        if (score > best[k]) {
                            System.arraycopy(best, k, best, k + 1, best.length - k - 1);
                            best[k] = score;
                            break;
                        }
                    }
                }
                double sessionScore = 0;
                for (int k = 0; k < best.length; k++) {
                    sessionScore += SESSION_DECAY[k] * best[k];
                }
                sessionScore /= SESSION_DECAY_SUM;
                for (int j = start; j < i; j++) {
                    out.put(ordered.get(j).uid(), sessionScore);
                }
                start = i;
            }
        }
        return out;
    }
}
