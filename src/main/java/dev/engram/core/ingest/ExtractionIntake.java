package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.scope.Scope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;

/**
 * Where new episodes enter extraction: each message a person sent goes to the queue of the sets
 * it feeds, by default that person's own profile set (so users of one project get separate
 * profiles). Messages of the
 * assistant or the system describe nobody and are not queued. Queueing is one small H2 write:
 * an add never waits for a model.
 */
public final class ExtractionIntake implements EpisodeListener {
    private static final Set<String> NOT_A_PERSON = Set.of("assistant", "system", "tool");

    private final ExtractionQueue queue;
    private final SetRouting routing;
    private final Runnable wake;
    private final Clock clock;

    public ExtractionIntake(ExtractionQueue queue, SetRouting routing, Runnable wake, Clock clock) {
        this.queue = queue;
        this.routing = routing;
        this.wake = wake;
        this.clock = clock;
    }

    @Override
    public void added(Scope scope, List<Episode> episodes) {
        List<Episode> people = episodes.stream().filter(e -> e.producer() != null
                && !NOT_A_PERSON.contains(e.role() == null ? "" : e.role().toLowerCase(Locale.ROOT))).toList();
        if (people.isEmpty()) {
            return;
        }
        List<List<String>> routes = routing.setsFor(scope, people);
        Map<List<String>, List<Long>> bySet = new LinkedHashMap<>(); // key: set id, producer
        for (int i = 0; i < people.size(); i++) {
            Episode episode = people.get(i);
            for (String setId : routes.get(i)) {
                bySet.computeIfAbsent(List.of(setId, episode.producer()), k -> new ArrayList<>()).add(episode.uid());
            }
        }
        bySet.forEach((set, uids) -> queue.enqueue(scope, set.get(0), set.get(1), uids, clock.instant()));
        if (!bySet.isEmpty()) {
            wake.run();
        }
    }
}
