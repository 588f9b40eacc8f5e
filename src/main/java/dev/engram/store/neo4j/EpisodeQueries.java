package dev.engram.store.neo4j;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeRevision;
import dev.engram.core.episode.Hit;
import dev.engram.core.episode.Neighbours;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.episode.TimelineLink;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.graphdb.Node;

/**
 * Reads of the episode graph: lookups, listings, neighbours and the two kinds of search.
 * Queries of one scope say {@code e.created_at IS NOT NULL} (every episode has a time): the
 * scope-time index is composite and holds only nodes with all three properties, so without it
 * Neo4j scans every episode of every scope. Listings order by all three index properties (then
 * uid), so the index gives the order and a page reads only what it skips and returns.
 */
final class EpisodeQueries {
    /** How far along the chain a neighbour search walks looking for episodes that pass a filter. */
    static final int MAX_NEIGHBOUR_HOPS = 256;
    /** Over-fetch factor when a filter is applied after an index lookup. */
    private static final int OVERFETCH = 8;

    private final Neo4jDatabase database;
    private final TextIndexFreshness freshness;
    private final NodeLocator locator;

    EpisodeQueries(Neo4jDatabase database, TextIndexFreshness freshness, NodeLocator locator) {
        this.database = database;
        this.freshness = freshness;
        this.locator = locator;
    }

    Optional<Episode> get(Scope scope, long uid) {
        List<Episode> found = getAll(scope, List.of(uid));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * The episodes of the scope among {@code uids}, in their order, read through the core API (a
     * search's hits through the hints it left): the Cypher form of this read spent most of its
     * 0.4 ms on ten episodes in the query pipeline.
     */
    List<Episode> getAll(Scope scope, List<Long> uids) {
        return database.read(tx -> {
            List<Episode> episodes = new ArrayList<>(uids.size());
            for (long uid : uids) {
                NodeLocator.Found found = locator.find(tx, uid, "org_id", "project_id");
                if (found != null && EpisodeRows.inScope(found.properties(), scope)) {
                    episodes.add(EpisodeRows.read(found.node(), uid, scope));
                }
            }
            return episodes;
        });
    }

    List<Episode> list(Scope scope, Filter filter, PageRequest page, Order order) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String predicate = CypherFilter.compile(filter, "e", params);
        params.put("skip", page.offset());
        params.put("limit", page.size());
        String direction = order == Order.NEWEST_FIRST ? "DESC" : "ASC";
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode) WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL AND %s
                    RETURN %s
                    ORDER BY e.org_id %s, e.project_id %s, e.created_at %s, e.uid %s SKIP $skip LIMIT $limit"""
                    .formatted(predicate, EpisodeRows.PROJECTION, direction, direction, direction, direction), params)) {
                return EpisodeRows.mapAll(result);
            }
        });
    }

    List<Episode> producedAfter(Scope scope, String producer, long afterUid, int limit) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        params.put("producer", producer);
        params.put("after", afterUid);
        params.put("limit", limit);
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode) WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL
                      AND e.producer = $producer AND e.uid > $after
                    RETURN""" + EpisodeRows.PROJECTION + " ORDER BY e.uid LIMIT $limit", params)) {
                return EpisodeRows.mapAll(result);
            }
        });
    }

    List<Episode> listByUid(Scope scope, Filter filter, long afterUid, int limit) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String predicate = CypherFilter.compile(filter, "e", params);
        params.put("after", afterUid);
        params.put("limit", limit);
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode) WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL AND e.uid > $after AND %s
                    RETURN %s
                    ORDER BY e.uid LIMIT $limit""".formatted(predicate, EpisodeRows.PROJECTION), params)) {
                return EpisodeRows.mapAll(result);
            }
        });
    }

    Map<Long, List<EpisodeRevision>> revisionsOf(Scope scope, java.util.Collection<Long> uids) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        params.put("uids", List.copyOf(uids));
        return database.read(tx -> {
            try (var result = tx.execute("""
                    UNWIND $uids AS uid
                    MATCH (e:Episode {uid: uid})-[:REVISED]->(r:Revision)
                    WHERE e.org_id = $org AND e.project_id = $project
                    RETURN e.uid AS uid, r.content AS content, r.replaced_at AS at
                    ORDER BY uid, r.replaced_at, elementId(r)""", params)) {
                Map<Long, List<EpisodeRevision>> revisions = new java.util.LinkedHashMap<>();
                result.forEachRemaining(row -> revisions.computeIfAbsent((Long) row.get("uid"), u -> new ArrayList<>())
                        .add(new EpisodeRevision((Long) row.get("uid"), (String) row.get("content"),
                                Instant.ofEpochMilli((Long) row.get("at")))));
                return revisions;
            }
        });
    }

    long count(Scope scope, Filter filter) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String predicate = CypherFilter.compile(filter, "e", params);
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode) WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL AND %s
                    RETURN count(e) AS n""".formatted(predicate), params)) {
                return (Long) result.next().get("n");
            }
        });
    }

    java.util.SortedMap<java.time.LocalDate, Long> countsByDay(Scope scope, Filter filter, java.time.ZoneId zone) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String predicate = CypherFilter.compile(filter, "e", params);
        params.put("zone", zone.getId());
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode) WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL AND %s
                    WITH date(datetime({epochMillis: e.created_at, timezone: $zone})) AS day
                    RETURN day, count(*) AS n""".formatted(predicate), params)) {
                java.util.SortedMap<java.time.LocalDate, Long> days = new java.util.TreeMap<>();
                result.forEachRemaining(row -> days.put((java.time.LocalDate) row.get("day"), (Long) row.get("n")));
                return days;
            }
        });
    }

    List<String> participants(Scope scope, int limit) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        params.put("limit", limit);
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode) WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL
                    UNWIND [e.producer, e.produced_for] AS who
                    WITH DISTINCT who WHERE who IS NOT NULL
                    RETURN who ORDER BY who LIMIT $limit""", params)) {
                List<String> people = new ArrayList<>();
                result.forEachRemaining(row -> people.add((String) row.get("who")));
                return people;
            }
        });
    }

    List<Hit> searchText(Scope scope, String text, Filter filter, int limit) {
        String query = LuceneQuery.of(LuceneQuery.scopeToken(scope.orgId(), scope.projectId()), text);
        if (query == null || limit < 1) {
            return List.of();
        }
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String predicate = CypherFilter.compile(filter, "e", params);
        params.put("query", query);
        params.put("fetch", filter.isAll() ? limit : limit * OVERFETCH);
        freshness.awaitFresh();
        params.put("limit", limit);
        if (filter.isAll()) { // the scope checked in one read of each node's properties
            return database.read(tx -> {
                try (var result = tx.execute("""
                        CALL db.index.fulltext.queryNodes('episode_text', $query, {limit: $fetch}) YIELD node, score
                        RETURN node, score""", params)) {
                    List<Hit> hits = new ArrayList<>();
                    while (hits.size() < limit && result.hasNext()) {
                        Map<String, Object> row = result.next();
                        Node node = (Node) row.get("node");
                        Long uid = EpisodeRows.uidInScope(node, scope);
                        if (uid != null) {
                            locator.remember(uid, node);
                            hits.add(new Hit(uid, ((Number) row.get("score")).doubleValue()));
                        }
                    }
                    return hits;
                }
            });
        }
        return database.read(tx -> {
            try (var result = tx.execute("""
                    CALL db.index.fulltext.queryNodes('episode_text', $query, {limit: $fetch}) YIELD node AS e, score
                    WHERE e.org_id = $org AND e.project_id = $project AND %s
                    RETURN e.uid AS uid, score LIMIT $limit""".formatted(predicate), params)) {
                return hits(result);
            }
        });
    }

    List<TimelineLink> links(Scope scope, java.util.Collection<Long> uids, Filter filter) {
        if (uids.isEmpty()) {
            return List.of();
        }
        if (filter.isAll()) {
            return database.read(tx -> TimelineLinks.read(tx, locator, scope, uids));
        }
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String p = CypherFilter.compile(filter, "p", params);
        String n = CypherFilter.compile(filter, "n", params);
        String xp = CypherFilter.compile(filter, "xp", params);
        String xn = CypherFilter.compile(filter, "xn", params);
        params.put("uids", List.copyOf(uids));
        return database.read(tx -> {
            try (var result = tx.execute("""
                    UNWIND $uids AS u
                    MATCH (e:Episode {uid: u}) WHERE e.org_id = $org AND e.project_id = $project
                    OPTIONAL MATCH (p:Episode)-[:NEXT]->(e) WHERE %s
                    OPTIONAL MATCH (e)-[:NEXT]->(n:Episode) WHERE %s
                    WITH collect(e) + collect(p) + collect(n) AS found
                    UNWIND found AS x
                    WITH DISTINCT x
                    OPTIONAL MATCH (xp:Episode)-[:NEXT]->(x) WHERE %s
                    OPTIONAL MATCH (x)-[:NEXT]->(xn:Episode) WHERE %s
                    RETURN x.uid AS uid, x.created_at AS at, xp.uid AS prev, xn.uid AS next,
                           trim(x.indexed_text) ENDS WITH '?' AS question""".formatted(p, n, xp, xn), params)) {
                List<TimelineLink> links = new ArrayList<>();
                result.forEachRemaining(row -> links.add(new TimelineLink((Long) row.get("uid"),
                        Instant.ofEpochMilli((Long) row.get("at")), (Long) row.get("prev"), (Long) row.get("next"),
                        Boolean.TRUE.equals(row.get("question")))));
                return links;
            }
        });
    }

    Neighbours neighbours(Scope scope, long uid, int before, int after, Filter filter) {
        return new Neighbours(walk(scope, uid, before, filter, false), walk(scope, uid, after, filter, true));
    }

    private List<Episode> walk(Scope scope, long uid, int count, Filter filter, boolean forward) {
        if (count < 1) {
            return List.of();
        }
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        String predicate = CypherFilter.compile(filter, "x", params);
        params.put("uid", uid);
        params.put("limit", count);
        String pattern = forward
                ? "(start)-[:NEXT*1..%d]->(x)".formatted(MAX_NEIGHBOUR_HOPS)
                : "(x)-[:NEXT*1..%d]->(start)".formatted(MAX_NEIGHBOUR_HOPS);
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (start:Episode {uid: $uid}) WHERE start.org_id = $org AND start.project_id = $project
                    MATCH path = %s
                    WHERE %s
                    WITH x AS e, length(path) AS distance ORDER BY distance LIMIT $limit
                    RETURN %s""".formatted(pattern, predicate, EpisodeRows.PROJECTION), params)) {
                return EpisodeRows.mapAll(result);
            }
        });
    }

    List<EpisodeRevision> revisions(Scope scope, long uid) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        params.put("uid", uid);
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode {uid: $uid})-[:REVISED]->(r:Revision)
                    WHERE e.org_id = $org AND e.project_id = $project
                    RETURN r.content AS content, r.replaced_at AS at ORDER BY r.replaced_at, elementId(r)""", params)) {
                List<EpisodeRevision> revisions = new ArrayList<>();
                result.forEachRemaining(row -> revisions.add(new EpisodeRevision(uid, (String) row.get("content"),
                        Instant.ofEpochMilli((Long) row.get("at")))));
                return revisions;
            }
        });
    }

    /**
     * Episodes still waiting for a vector after a model change. Only a reset leaves vectors
     * missing, and it raises a flag on the store node, so an ordinary start-up does not scan.
     */
    Map<Long, String> staleEmbeddings(int limit) {
        boolean pending = database.read(tx -> StoreMeta.get(tx, "reembedding").map(Boolean.TRUE::equals).orElse(false));
        if (!pending) {
            return Map.of();
        }
        Map<Long, String> stale = database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (e:Episode) WHERE e.embedding IS NULL
                    RETURN e.uid AS uid, e.indexed_text AS text LIMIT $limit""", Map.of("limit", limit))) {
                Map<Long, String> rows = new java.util.LinkedHashMap<>();
                result.forEachRemaining(row -> rows.put((Long) row.get("uid"), (String) row.get("text")));
                return rows;
            }
        });
        if (stale.isEmpty()) {
            database.write(tx -> {
                StoreMeta.set(tx, Map.of("reembedding", false));
                return null;
            });
        }
        return stale;
    }

    /** Fills stale vectors only: an episode edited meanwhile already has its new vector. */
    void storeEmbeddings(Map<Long, float[]> vectors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        vectors.forEach((uid, vector) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("uid", uid);
            row.put("vector", vector);
            rows.add(row);
        });
        database.write(tx -> {
            tx.execute("""
                    UNWIND $rows AS row
                    MATCH (e:Episode {uid: row.uid}) WHERE e.embedding IS NULL
                    SET e.embedding = row.vector""", Map.of("rows", rows)).close();
            return null;
        });
    }

    long totalCount() {
        return database.read(tx -> {
            try (var result = tx.execute("MATCH (e:Episode) RETURN count(e) AS n")) {
                return (Long) result.next().get("n");
            }
        });
    }

    private static List<Hit> hits(org.neo4j.graphdb.Result result) {
        List<Hit> hits = new ArrayList<>();
        result.forEachRemaining(row -> hits.add(new Hit((Long) row.get("uid"), ((Number) row.get("score")).doubleValue())));
        return hits;
    }
}
