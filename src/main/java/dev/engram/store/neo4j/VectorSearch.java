package dev.engram.store.neo4j;

import dev.engram.core.episode.Hit;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.neo4j.graphdb.Node;

/**
 * Nearest episodes by vector, scored by cosine similarity (Neo4j reports (1 + cos) / 2, turned
 * back into the cosine here). The vector index is searched one of two ways:
 * <ul>
 *   <li><b>wide</b>: the nearest of the whole index, of which the scope's are kept. Right for a
 *   scope that holds a good share of the index: at 100k episodes with half of them in one scope,
 *   1–2 ms, where the index's own scope filter took 15–20 ms (Lucene gave up on the graph and
 *   scored every vector of the scope; BENCHMARKS.md);</li>
 *   <li><b>filtered</b>: the index filters by scope itself. Right for a small scope, which a wide
 *   search would mostly miss.</li>
 * </ul>
 * A scope is tried wide first; a search that leaves fewer hits than asked is done again filtered,
 * and a scope whose smoothed share of the wide candidates says that wide searches would mostly fall
 * short is searched filtered for a few minutes ({@link ScopeShares}). A further filter is applied to
 * an over-fetched candidate set, and when that leaves too few the search is exact.
 */
final class VectorSearch {
    /** A wide search fetches this many times the hits asked for: enough for a scope of a quarter of the index. */
    static final int WIDE_FACTOR = 4;
    /** Over-fetch factor when a filter is applied after an index lookup. */
    private static final int OVERFETCH = 8;
    private static final int MAX_FETCH = 4_000;

    private final Neo4jDatabase database;
    private final NodeLocator locator;
    private final ScopeShares shares;

    VectorSearch(Neo4jDatabase database, NodeLocator locator) {
        this(database, locator, System::nanoTime);
    }

    VectorSearch(Neo4jDatabase database, NodeLocator locator, LongSupplier nanoTime) {
        this.database = database;
        this.locator = locator;
        this.shares = new ScopeShares(nanoTime);
    }

    List<Hit> search(Scope scope, float[] vector, Filter filter, int limit) {
        if (limit < 1) {
            return List.of();
        }
        int overfetch = filter.isAll() ? 1 : OVERFETCH;
        // the share of an unfiltered wide search's candidates that fills the limit: a quarter, more past MAX_FETCH
        double needed = (double) limit / Math.min(limit * WIDE_FACTOR, MAX_FETCH);
        if (!shares.isSparse(scope, needed)) {
            List<Hit> hits = wide(scope, vector, filter, Math.min(limit * WIDE_FACTOR * overfetch, MAX_FETCH), limit);
            if (hits.size() >= limit) {
                return hits;
            }
        }
        List<Hit> hits = filtered(scope, vector, filter, Math.min(limit * overfetch, MAX_FETCH), limit);
        if (hits.size() >= limit || filter.isAll()) {
            return hits;
        }
        return exact(scope, vector, filter, limit);
    }

    /** Whether the scope is searched filtered for now, at the usual number of hits (see {@link ScopeShares}). */
    boolean isSparse(Scope scope) {
        return shares.isSparse(scope, 1.0 / WIDE_FACTOR);
    }

    /** The scope's smoothed share of wide candidates so far (-1 before its first wide search). */
    double share(Scope scope) {
        return shares.share(scope);
    }

    private List<Hit> wide(Scope scope, float[] vector, Filter filter, int fetch, int limit) {
        if (filter.isAll()) { // the scope checked in one read of each node's properties; its share observed
            return database.read(tx -> {
                try (var result = tx.execute("""
                        CYPHER 25
                        MATCH (e:Episode)
                          SEARCH e IN (VECTOR INDEX episode_vectors FOR $vector LIMIT $fetch) SCORE AS score
                        RETURN e, score""", Map.of("vector", vector, "fetch", fetch))) {
                    record Candidate(Hit hit, Node node) {
                    }
                    List<Candidate> candidates = new ArrayList<>();
                    int[] seen = {0};
                    result.forEachRemaining(row -> {
                        seen[0]++;
                        Node node = (Node) row.get("e");
                        Long uid = EpisodeRows.uidInScope(node, scope);
                        if (uid != null) {
                            candidates.add(new Candidate(new Hit(uid, 2 * ((Number) row.get("score")).doubleValue() - 1), node));
                        }
                    });
                    shares.observe(scope, candidates.size(), seen[0]);
                    candidates.sort(Comparator.comparingDouble((Candidate c) -> c.hit().score()).reversed());
                    List<Hit> hits = new ArrayList<>(Math.min(limit, candidates.size()));
                    for (Candidate candidate : candidates.subList(0, Math.min(limit, candidates.size()))) {
                        locator.remember(candidate.hit().uid(), candidate.node());
                        hits.add(candidate.hit());
                    }
                    return List.copyOf(hits);
                }
            });
        }
        return query("""
                CYPHER 25
                MATCH (e:Episode)
                  SEARCH e IN (VECTOR INDEX episode_vectors FOR $vector LIMIT $fetch) SCORE AS score
                WITH e, score WHERE e.org_id = $org AND e.project_id = $project AND %s
                RETURN e, e.uid AS uid, 2 * score - 1 AS score ORDER BY score DESC LIMIT $limit""", scope, vector, filter, fetch, limit);
    }

    private List<Hit> filtered(Scope scope, float[] vector, Filter filter, int fetch, int limit) {
        return query("""
                CYPHER 25
                MATCH (e:Episode)
                  SEARCH e IN (VECTOR INDEX episode_vectors FOR $vector
                               WHERE e.org_id = $org AND e.project_id = $project LIMIT $fetch) SCORE AS score
                WITH e, score WHERE %s
                RETURN e, e.uid AS uid, 2 * score - 1 AS score ORDER BY score DESC LIMIT $limit""", scope, vector, filter, fetch, limit);
    }

    private List<Hit> exact(Scope scope, float[] vector, Filter filter, int limit) {
        return query("""
                MATCH (e:Episode)
                WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL
                  AND e.embedding IS NOT NULL AND %s
                WITH e, vector.similarity.cosine(e.embedding, $vector) AS score
                RETURN e, e.uid AS uid, 2 * score - 1 AS score ORDER BY score DESC LIMIT $limit""", scope, vector, filter, limit, limit);
    }

    /** {@code cypher}'s %s is the filter's predicate on {@code e}, compiled with parameters only. */
    private List<Hit> query(String cypher, Scope scope, float[] vector, Filter filter, int fetch, int limit) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String predicate = CypherFilter.compile(filter, "e", params);
        params.put("vector", vector);
        params.put("fetch", fetch);
        params.put("limit", limit);
        return database.read(tx -> {
            try (var result = tx.execute(cypher.formatted(predicate), params)) {
                List<Hit> hits = new ArrayList<>();
                result.forEachRemaining(row -> {
                    Hit hit = new Hit((Long) row.get("uid"), ((Number) row.get("score")).doubleValue());
                    locator.remember(hit.uid(), (Node) row.get("e"));
                    hits.add(hit);
                });
                return hits;
            }
        });
    }
}
