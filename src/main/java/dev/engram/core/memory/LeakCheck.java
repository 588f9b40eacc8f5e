package dev.engram.core.memory;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeFields;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterEvaluator;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Filters;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.Scope;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Randomized probes against the live store: searches and lists in random scopes, with queries
 * taken from any scope's episodes (so other scopes' memories are good matches) and random
 * filters built from stored values. Every result must belong to the probe's scope and pass its
 * filter; anything else is reported as a leak.
 */
public final class LeakCheck {
    private static final int SAMPLE = 40;

    /** One result that should not have been returned. */
    public record Leak(String probe, String found, String why) {
    }

    public record Report(int probes, long resultsChecked, int scopes, List<Leak> leaks, boolean cancelled) {
        public Report {
            leaks = List.copyOf(leaks);
        }

        public boolean clean() {
            return leaks.isEmpty();
        }
    }

    private final MemoryService memory;

    public LeakCheck(MemoryService memory) {
        this.memory = memory;
    }

    public Report run(int probes, long seed, Progress progress, Cancellation cancel) {
        Random random = new Random(seed);
        List<Scope> scopes = memory.projects().list().stream().map(Project::scope).toList();
        if (scopes.isEmpty()) {
            return new Report(0, 0, 0, List.of(), false);
        }
        List<Episode> pool = new ArrayList<>();
        for (Scope scope : scopes) {
            pool.addAll(memory.episodes().page(scope, Filter.all(), new PageRequest(SAMPLE, 0), Order.NEWEST_FIRST));
        }
        List<Leak> leaks = new ArrayList<>();
        long checked = 0;
        for (int i = 0; i < probes; i++) {
            if (cancel.isCancelled()) {
                return new Report(i, checked, scopes.size(), leaks, true);
            }
            progress.update("Leak check", i, probes);
            Scope scope = scopes.get(random.nextInt(scopes.size()));
            Filter filter = randomFilter(random, pool);
            String label = scope.orgId() + "/" + scope.projectId() + " where " + Filters.describe(filter);
            if (random.nextBoolean() && !pool.isEmpty()) {
                String query = randomQuery(random, pool);
                SearchOutcome found = memory.search(new SearchQuery(scope, query, 10, filter, random.nextInt(3), null, Set.of()));
                for (ScoredEpisode hit : found.episodes()) {
                    checked++;
                    check(label + " search \"" + query + "\"", scope, filter, hit.episode(), leaks);
                }
                for (Episode recent : found.recent()) {
                    checked++;
                    check(label + " search (recent)", scope, filter, recent, leaks);
                }
                for (ScoredFact fact : found.facts()) {
                    checked++;
                    check(label + " search (facts)", scope, fact.fact(), leaks);
                }
            } else {
                ListOutcome listed = memory.list(new ListQuery(scope, filter, new PageRequest(50, 0), Set.of(),
                        random.nextBoolean() ? Order.NEWEST_FIRST : Order.OLDEST_FIRST));
                for (Episode episode : listed.episodes()) {
                    checked++;
                    check(label + " list", scope, filter, episode, leaks);
                }
                for (ProfileFact fact : listed.facts()) {
                    checked++;
                    check(label + " list (facts)", scope, fact, leaks);
                }
            }
        }
        progress.update("Leak check", probes, probes);
        return new Report(probes, checked, scopes.size(), leaks, false);
    }

    static void check(String probe, Scope scope, Filter filter, Episode episode, List<Leak> leaks) {
        String found = "episode " + episode.uid() + " of " + episode.scope().orgId() + "/" + episode.scope().projectId();
        if (!episode.scope().equals(scope)) {
            leaks.add(new Leak(probe, found, "belongs to another scope"));
        } else if (!FilterEvaluator.matches(Filters.restrictTo(filter, MemoryType.EPISODIC),
                field -> EpisodeFields.valueOf(episode, field))) {
            leaks.add(new Leak(probe, found, "does not pass the filter"));
        }
    }

    private static void check(String probe, Scope scope, ProfileFact fact, List<Leak> leaks) {
        if (!fact.scope().equals(scope)) {
            leaks.add(new Leak(probe, "fact " + fact.id() + " of " + fact.scope().orgId() + "/" + fact.scope().projectId(),
                    "belongs to another scope"));
        }
    }

    private static String randomQuery(Random random, List<Episode> pool) {
        String[] words = pool.get(random.nextInt(pool.size())).content().split("\\s+");
        int start = random.nextInt(words.length);
        int length = 1 + random.nextInt(Math.min(5, words.length - start));
        return String.join(" ", List.of(words).subList(start, start + length));
    }

    private static Filter randomFilter(Random random, List<Episode> pool) {
        if (pool.isEmpty() || random.nextInt(4) == 0) {
            return Filter.all();
        }
        Episode sample = pool.get(random.nextInt(pool.size()));
        String expression = switch (random.nextInt(6)) {
            case 0 -> "producer = " + quote(sample.producer());
            case 1 -> sample.producedFor() == null ? "produced_for IS NULL" : "produced_for = " + quote(sample.producedFor());
            case 2 -> "role " + (random.nextBoolean() ? "=" : "!=") + " 'user'";
            case 3 -> "created_at >= date('" + sample.createdAt().truncatedTo(ChronoUnit.SECONDS) + "')";
            case 4 -> metadata(sample, random);
            default -> "producer IN (" + quote(sample.producer()) + ", 'nobody') AND NOT role = 'system'";
        };
        return FilterParser.parse(expression);
    }

    private static String metadata(Episode sample, Random random) {
        if (sample.metadata().isEmpty()) {
            return "m.missing IS NULL";
        }
        List<Map.Entry<String, String>> entries = List.copyOf(sample.metadata().entrySet());
        Map.Entry<String, String> entry = entries.get(random.nextInt(entries.size()));
        return entry.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") ? "m." + entry.getKey() + " = " + quote(entry.getValue())
                : "m.missing IS NULL";
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
