package dev.engram.core.episode;

import dev.engram.core.ingest.Embedder;
import dev.engram.core.ingest.QueryVector;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hybrid long-term search: full-text and vector candidates, fused; then, like MemMachine, each
 * hit may be expanded with its neighbours in time (a third of {@code expandContext} before, the
 * rest after) until {@code topK} episodes are gathered. Results come best hit first; a hit's
 * context episodes follow it in time order and carry its score.
 */
public final class EpisodicSearch {
    private final EpisodeStore store;
    private final Embedder embedder;
    private final Settings settings;

    /**
     * {@code candidates}: how many hits each retriever contributes before fusion; {@code queryText}:
     * what of the query full-text search gets; {@code timeline}: re-ranking by neighbours and sessions.
     */
    public record Settings(Fusion fusion, int candidates, QueryText queryText, TimelineRerank timeline) {
        public static Settings defaults() {
            return new Settings(Fusion.defaults(), 100, QueryText.DROP_QUESTION_WORDS_AND_PRONOUNS, TimelineRerank.defaults());
        }

        public Settings(Fusion fusion, int candidates) {
            this(fusion, candidates, QueryText.KEEP, TimelineRerank.NONE);
        }

        public Settings {
            if (candidates < 1) {
                throw new IllegalArgumentException("candidates must be at least 1");
            }
        }

        public Settings withFusion(Fusion fusion) {
            return new Settings(fusion, candidates, queryText, timeline);
        }

        public Settings withCandidates(int candidates) {
            return new Settings(fusion, candidates, queryText, timeline);
        }
    }

    public EpisodicSearch(EpisodeStore store, Embedder embedder, Settings settings) {
        this.store = store;
        this.embedder = embedder;
        this.settings = settings;
    }

    public List<ScoredEpisode> search(Scope scope, String query, Filter filter, int topK, int expandContext,
                                      Double scoreThreshold) {
        return search(scope, new QueryVector(embedder, query), filter, topK, expandContext, scoreThreshold);
    }

    /** As above, with the query's vector shared with the search's other readers. */
    public List<ScoredEpisode> search(Scope scope, QueryVector query, Filter filter, int topK, int expandContext,
                                      Double scoreThreshold) {
        List<Hit> ranked = rank(scope, query, filter, topK);
        if (scoreThreshold != null) {
            ranked = ranked.stream().filter(hit -> hit.score() >= scoreThreshold).toList();
        }
        int expand = Math.max(0, Math.min(expandContext, topK - 1));
        if (expand == 0) {
            List<Hit> top = ranked.subList(0, Math.min(topK, ranked.size()));
            return withEpisodes(scope, top);
        }
        return expanded(scope, ranked, filter, topK, expand);
    }

    /** Fused hits, best first, at most max(candidates, topK) of them. */
    public List<Hit> rank(Scope scope, String query, Filter filter, int topK) {
        return rank(scope, new QueryVector(embedder, query), filter, topK);
    }

    /**
     * The full-text hits and their places in the timeline are read first, while a prefetched query
     * vector is still being embedded; after the vector search only the places of the hits it
     * added are read (an episode's place does not depend on which hits asked for it).
     */
    private List<Hit> rank(Scope scope, QueryVector query, Filter filter, int topK) {
        int candidates = Math.max(settings.candidates(), topK);
        boolean timeline = settings.timeline().isActive();
        List<Hit> text = store.searchText(scope, settings.queryText().of(query.query()), filter, candidates);
        List<TimelineLink> links = new ArrayList<>();
        if (timeline && !text.isEmpty()) {
            links.addAll(store.links(scope, text.stream().map(Hit::uid).toList(), filter));
        }
        List<Hit> vector = store.searchVector(scope, query.get(), filter, candidates);
        List<Hit> fused = settings.fusion().fuse(text, vector);
        if (!timeline || fused.isEmpty()) {
            return fused;
        }
        Set<Long> asked = new HashSet<>(text.stream().map(Hit::uid).toList());
        List<Long> added = fused.stream().map(Hit::uid).filter(uid -> !asked.contains(uid)).toList();
        if (!added.isEmpty()) {
            links.addAll(store.links(scope, added, filter));
        }
        return settings.timeline().apply(fused, links);
    }

    /** The {@code k} best episodes for a query, best first, without context (what benchmarks score). */
    public List<ScoredEpisode> top(Scope scope, String query, Filter filter, int k) {
        List<Hit> ranked = rank(scope, query, filter, k);
        return withEpisodes(scope, ranked.subList(0, Math.min(k, ranked.size())));
    }

    private List<ScoredEpisode> withEpisodes(Scope scope, List<Hit> hits) {
        Map<Long, Episode> byUid = new HashMap<>();
        store.getAll(scope, hits.stream().map(Hit::uid).toList()).forEach(e -> byUid.put(e.uid(), e));
        List<ScoredEpisode> out = new ArrayList<>();
        for (Hit hit : hits) {
            Episode episode = byUid.get(hit.uid());
            if (episode != null) {
                out.add(new ScoredEpisode(episode, hit.score(), null));
            }
        }
        return out;
    }

    private List<ScoredEpisode> expanded(Scope scope, List<Hit> ranked, Filter filter, int topK, int expand) {
        int before = expand / 3;
        int after = expand - before;
        Set<Long> taken = new LinkedHashSet<>();
        List<ScoredEpisode> out = new ArrayList<>();
        for (ScoredEpisode nucleus : withEpisodes(scope, ranked)) {
            if (taken.size() >= topK) {
                break;
            }
            if (taken.contains(nucleus.episode().uid())) {
                continue;
            }
            Neighbours around = store.neighbours(scope, nucleus.episode().uid(), before, after, filter);
            List<ScoredEpisode> group = new ArrayList<>();
            for (Episode episode : nearestFirst(nucleus.episode(), around)) {
                if (taken.size() >= topK) {
                    break;
                }
                if (taken.add(episode.uid())) {
                    Long contextOf = episode.uid() == nucleus.episode().uid() ? null : nucleus.episode().uid();
                    group.add(new ScoredEpisode(episode, nucleus.score(), contextOf));
                }
            }
            group.sort(Comparator.comparing((ScoredEpisode s) -> s.episode().createdAt())
                    .thenComparingLong(s -> s.episode().uid()));
            out.addAll(group);
        }
        return out;
    }

    /** The nucleus, then neighbours alternating after/before by distance (after first). */
    private static List<Episode> nearestFirst(Episode nucleus, Neighbours around) {
        List<Episode> order = new ArrayList<>();
        order.add(nucleus);
        int longest = Math.max(around.before().size(), around.after().size());
        for (int i = 0; i < longest; i++) {
            if (i < around.after().size()) {
                order.add(around.after().get(i));
            }
            if (i < around.before().size()) {
                order.add(around.before().get(i));
            }
        }
        return order;
    }
}
