package dev.engram.core.episode;

import java.time.Duration;
import java.time.Instant;
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
 *   score, the best score in it, so that turns of the conversations that matched best rise
 *   together.</li>
 * </ul>
 * The sum is divided by {@code 1 + neighbourWeight + sessionWeight}, so scores stay in [0, 1].
 */
public record TimelineRerank(double neighbourWeight, double sessionWeight, Duration sessionGap) {

    public static final TimelineRerank NONE = new TimelineRerank(0, 0, Duration.ofHours(1));

    public TimelineRerank {
        if (neighbourWeight < 0 || sessionWeight < 0) {
            throw new IllegalArgumentException("neighbour and session weights must not be negative");
        }
        if (sessionGap.isNegative() || sessionGap.isZero()) {
            throw new IllegalArgumentException("session gap must be positive");
        }
    }

    public boolean isActive() {
        return neighbourWeight > 0 || sessionWeight > 0;
    }

    /** The re-ranked hits, best first (ties: newer uid first); {@code links} describe the hits' places. */
    public List<Hit> apply(List<Hit> fused, List<TimelineLink> links) {
        Map<Long, Double> base = new HashMap<>();
        fused.forEach(h -> base.put(h.uid(), h.score()));
        Map<Long, Instant> times = new HashMap<>();
        Map<Long, Double> neighbour = new HashMap<>();
        for (TimelineLink link : links) {
            times.put(link.uid(), link.createdAt());
            double own = base.getOrDefault(link.uid(), 0.0);
            if (link.previous() != null) {
                neighbour.merge(link.previous(), own, Math::max);
                neighbour.merge(link.uid(), base.getOrDefault(link.previous(), 0.0), Math::max);
                if (neighbourWeight > 0) {
                    times.putIfAbsent(link.previous(), link.previousAt());
                }
            }
            if (link.next() != null) {
                neighbour.merge(link.next(), own, Math::max);
                neighbour.merge(link.uid(), base.getOrDefault(link.next(), 0.0), Math::max);
                if (neighbourWeight > 0) {
                    times.putIfAbsent(link.next(), link.nextAt());
                }
            }
        }
        Map<Long, Double> session = sessionScores(base, times);
        double total = 1 + neighbourWeight + sessionWeight;
        List<Hit> out = new ArrayList<>(times.size());
        for (Long uid : times.keySet()) {
            double score = base.getOrDefault(uid, 0.0) + neighbourWeight * neighbour.getOrDefault(uid, 0.0)
                    + sessionWeight * session.getOrDefault(uid, 0.0);
            out.add(new Hit(uid, score / total));
        }
        // hits the store could not place (deleted meanwhile) keep their own score
        fused.stream().filter(h -> !times.containsKey(h.uid())).forEach(h -> out.add(new Hit(h.uid(), h.score() / total)));
        out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::uid, Comparator.reverseOrder()));
        return out;
    }

    /** Each episode's session score: the best base score among the episodes of its session. */
    private Map<Long, Double> sessionScores(Map<Long, Double> base, Map<Long, Instant> times) {
        Map<Long, Double> out = new HashMap<>();
        if (sessionWeight <= 0) {
            return out;
        }
        List<Map.Entry<Long, Instant>> ordered = new ArrayList<>(times.entrySet());
        ordered.sort(Map.Entry.<Long, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        int start = 0;
        for (int i = 1; i <= ordered.size(); i++) {
            boolean split = i == ordered.size() || Duration.between(ordered.get(i - 1).getValue(),
                    ordered.get(i).getValue()).compareTo(sessionGap) > 0;
            if (split) {
                double best = 0;
                for (int j = start; j < i; j++) {
                    best = Math.max(best, base.getOrDefault(ordered.get(j).getKey(), 0.0));
                }
                for (int j = start; j < i; j++) {
                    out.put(ordered.get(j).getKey(), best);
                }
                start = i;
            }
        }
        return out;
    }
}
