package dev.engram.store.neo4j;

import static dev.engram.store.neo4j.EpisodeProperties.EPISODE;
import static dev.engram.store.neo4j.EpisodeProperties.NEXT;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeDraft;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Writes episodes and keeps each project's {@code NEXT} chain in (created_at, uid) order. Every
 * write first takes the project node's write lock, so concurrent writers to one project queue
 * up and the chain never forks; writers to different projects do not wait for each other.
 */
final class EpisodeWriter {
    private static final Label REVISION = Label.label("Revision");
    private static final RelationshipType REVISED = RelationshipType.withName("REVISED");
    private final Neo4jDatabase database;
    private final UidAllocator uids;
    private final TextIndexFreshness freshness;

    EpisodeWriter(Neo4jDatabase database, UidAllocator uids, TextIndexFreshness freshness) {
        this.database = database;
        this.uids = uids;
        this.freshness = freshness;
    }

    /** Runs a write transaction and marks the full-text index stale once it committed. */
    private <T> T write(java.util.function.Function<Transaction, T> work) {
        T result = database.write(work);
        freshness.written();
        return result;
    }

    List<Episode> append(Scope scope, List<EpisodeDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        int fresh = (int) drafts.stream().filter(d -> d.uid() == null).count();
        drafts.stream().map(EpisodeDraft::uid).filter(java.util.Objects::nonNull).max(Long::compare)
                .ifPresent(uids::reserveBeyond);
        long first = fresh > 0 ? uids.allocate(fresh) : 0;
        String token = LuceneQuery.scopeToken(scope.orgId(), scope.projectId());
        return write(tx -> {
            Node project = lockProject(tx, scope, true);
            if (fresh == drafts.size()) {
                List<Episode> appended = appendAtTail(tx, project, scope, token, first, drafts);
                if (appended != null) {
                    return appended;
                }
            }
            List<Episode> stored = new ArrayList<>(drafts.size());
            long next = first;
            for (EpisodeDraft draft : drafts) {
                long uid = draft.uid() != null ? draft.uid() : next++;
                stored.add(insert(tx, project, scope, token, uid, draft));
            }
            return stored;
        });
    }

    /**
     * The common case: new episodes in time order, none older than the project's last one, are
     * created and chained after it. Null (nothing written) when the batch is not such a case; then
     * each episode finds its own place. One episode (an add over the API) is written through
     * Neo4j's core API, where Cypher's per-statement cost was most of the write; a batch in two
     * statements whatever its size, which set its many properties faster than the core API does.
     */
    private List<Episode> appendAtTail(Transaction tx, Node project, Scope scope, String token, long firstUid,
                                       List<EpisodeDraft> drafts) {
        for (int i = 1; i < drafts.size(); i++) {
            if (drafts.get(i).episode().createdAt().isBefore(drafts.get(i - 1).episode().createdAt())) {
                return null;
            }
        }
        Map<String, Object> tail = project.getProperties("last_uid", "last_created_at");
        if (!(tail.get("last_uid") instanceof Long last)
                || drafts.getFirst().episode().createdAt().toEpochMilli() < (Long) tail.get("last_created_at")) {
            return null;
        }
        List<Episode> stored = new ArrayList<>(drafts.size());
        if (drafts.size() == 1) {
            stored.add(createOne(tx, scope, token, firstUid, drafts.getFirst(), last));
        } else {
            createAll(tx, scope, token, firstUid, drafts, last, stored);
        }
        project.setProperty("last_uid", firstUid + drafts.size() - 1);
        project.setProperty("last_created_at", drafts.getLast().episode().createdAt().toEpochMilli());
        return stored;
    }

    private Episode createOne(Transaction tx, Scope scope, String token, long uid, EpisodeDraft draft, long previous) {
        Node episode = tx.createNode(EPISODE);
        properties(scope, token, uid, draft).forEach(episode::setProperty);
        for (Map<String, Object> revision : revisions(draft)) {
            Node old = tx.createNode(REVISION);
            old.setProperty("content", revision.get("content"));
            old.setProperty("replaced_at", revision.get("at"));
            episode.createRelationshipTo(old, REVISED);
        }
        Node before = tx.findNode(EPISODE, "uid", previous);
        if (before != null) {
            before.createRelationshipTo(episode, NEXT);
        }
        return stored(scope, uid, draft.episode());
    }

    private void createAll(Transaction tx, Scope scope, String token, long firstUid, List<EpisodeDraft> drafts,
                           long previous, List<Episode> stored) {
        List<Map<String, Object>> rows = new ArrayList<>(drafts.size());
        List<List<Long>> links = new ArrayList<>(drafts.size());
        long uid = firstUid;
        for (EpisodeDraft draft : drafts) {
            rows.add(Map.of("props", properties(scope, token, uid, draft), "revisions", revisions(draft)));
            links.add(List.of(previous, uid));
            stored.add(stored(scope, uid, draft.episode()));
            previous = uid++;
        }
        tx.execute("""
                UNWIND $rows AS row
                CREATE (e:Episode) SET e = row.props
                FOREACH (r IN row.revisions | CREATE (e)-[:REVISED]->(:Revision {content: r.content, replaced_at: r.at}))""",
                Map.of("rows", rows)).close();
        tx.execute("""
                UNWIND $links AS link
                MATCH (a:Episode {uid: link[0]})
                MATCH (b:Episode {uid: link[1]})
                CREATE (a)-[:NEXT]->(b)""", Map.of("links", links)).close();
    }

    private Episode insert(Transaction tx, Node project, Scope scope, String token, long uid, EpisodeDraft draft) {
        NewEpisode episode = draft.episode();
        long createdAt = episode.createdAt().toEpochMilli();
        Map<String, Object> params = scopeParams(scope);
        params.put("t", createdAt);
        Long previous;
        Long following;
        Map<String, Object> tail = project.getProperties("last_uid", "last_created_at"); // the node append locked
        if (tail.get("last_uid") instanceof Long last && createdAt >= (Long) tail.get("last_created_at")) {
            // the common case, appending in time order: the project's last episode precedes it
            previous = last;
            following = null;
        } else {
            // Two steps, so that the scope-time index gives the order (see EpisodeQueries): the
            // nearest time first, then the last uid at that time. Sorting on (created_at, uid)
            // made Neo4j read and sort the whole scope, milliseconds per insert in a big scope.
            previous = uid(single(tx, """
                    MATCH (prev:Episode)
                    WHERE prev.org_id = $org AND prev.project_id = $project AND prev.created_at <= $t
                    WITH prev.created_at AS at ORDER BY prev.org_id DESC, prev.project_id DESC, prev.created_at DESC LIMIT 1
                    MATCH (same:Episode)
                    WHERE same.org_id = $org AND same.project_id = $project AND same.created_at = at
                    RETURN same.uid AS uid ORDER BY uid DESC LIMIT 1""", params));
            following = previous == null
                    ? uid(single(tx, """
                            MATCH (head:Episode)
                            WHERE head.org_id = $org AND head.project_id = $project AND head.created_at > $t
                            WITH head.created_at AS at ORDER BY head.org_id, head.project_id, head.created_at LIMIT 1
                            MATCH (same:Episode)
                            WHERE same.org_id = $org AND same.project_id = $project AND same.created_at = at
                            RETURN same.uid AS uid ORDER BY uid LIMIT 1""", params))
                    : uid(single(tx, "MATCH (:Episode {uid: $prev})-[:NEXT]->(n) RETURN n.uid AS uid",
                            Map.of("prev", previous)));
        }

        Map<String, Object> link = new HashMap<>();
        link.put("props", properties(scope, token, uid, draft));
        link.put("uid", uid);
        link.put("prev", previous);
        link.put("next", following);
        link.put("revisions", revisions(draft));
        tx.execute("""
                CREATE (e:Episode) SET e = $props
                FOREACH (r IN $revisions | CREATE (e)-[:REVISED]->(:Revision {content: r.content, replaced_at: r.at}))
                WITH e
                OPTIONAL MATCH (p:Episode {uid: $prev})
                OPTIONAL MATCH (p)-[old:NEXT]->(:Episode {uid: $next})
                DELETE old
                WITH e, p
                OPTIONAL MATCH (n:Episode {uid: $next})
                FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (p)-[:NEXT]->(e))
                FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | CREATE (e)-[:NEXT]->(n))
                WITH e, n
                MATCH (project:Project {org_id: e.org_id, project_id: e.project_id})
                FOREACH (_ IN CASE WHEN n IS NULL THEN [1] ELSE [] END |
                    SET project.last_uid = e.uid, project.last_created_at = e.created_at)""", link).close();
        return stored(scope, uid, episode);
    }

    private static Episode stored(Scope scope, long uid, NewEpisode episode) {
        return new Episode(uid, scope, episode.producer(), episode.producedFor(), episode.role(),
                episode.content(), Instant.ofEpochMilli(episode.createdAt().toEpochMilli()), episode.metadata(),
                Episode.MESSAGE);
    }

    private static Map<String, Object> properties(Scope scope, String token, long uid, EpisodeDraft draft) {
        NewEpisode episode = draft.episode();
        Map<String, Object> props = new HashMap<>();
        props.put("uid", uid);
        props.put("org_id", scope.orgId());
        props.put("project_id", scope.projectId());
        props.put("scope_token", token);
        props.put("producer", episode.producer());
        if (episode.producedFor() != null) {
            props.put("produced_for", episode.producedFor());
        }
        props.put("role", episode.role());
        StoredContent.put(props, episode.producer(), episode.content(), draft.indexedText());
        props.put("created_at", episode.createdAt().toEpochMilli());
        props.put("episode_type", Episode.MESSAGE);
        if (draft.vector() != null) {
            props.put("embedding", draft.vector());
        }
        episode.metadata().forEach((key, value) -> props.put(EpisodeProperties.metadataProperty(key), value));
        return props;
    }

    private static List<Map<String, Object>> revisions(EpisodeDraft draft) {
        return draft.revisions().stream()
                .map(r -> Map.<String, Object>of("content", r.content(), "at", r.replacedAt().toEpochMilli())).toList();
    }

    Optional<Episode> updateContent(Scope scope, long uid, String content, String indexedText, float[] vector,
                                    Instant at) {
        return write(tx -> {
            lockProject(tx, scope, false);
            Map<String, Object> params = scopeParams(scope);
            params.put("uid", uid);
            params.put("content", content);
            params.put("text", indexedText);
            params.put("vector", vector);
            params.put("at", at.toEpochMilli());
            try (var result = tx.execute("""
                    MATCH (e:Episode {uid: $uid}) WHERE e.org_id = $org AND e.project_id = $project
                    CREATE (e)-[:REVISED]->(:Revision {content: %s, replaced_at: $at})
                    SET e.content = $content, e.indexed_text = $text, e.embedding = $vector
                    REMOVE e.text_form
                    RETURN""".formatted(StoredContent.cypher("e")) + EpisodeRows.PROJECTION, params)) {
                return result.hasNext() ? Optional.of(EpisodeRows.map(result.next())) : Optional.empty();
            }
        });
    }

    /** Replaces the metadata properties of an episode; false when it is not in the scope. */
    boolean replaceMetadata(Scope scope, long uid, Map<String, String> metadata) {
        return write(tx -> {
            lockProject(tx, scope, false);
            Map<String, Object> params = scopeParams(scope);
            params.put("uid", uid);
            List<String> keys;
            try (var result = tx.execute("""
                    MATCH (e:Episode {uid: $uid}) WHERE e.org_id = $org AND e.project_id = $project
                    RETURN [k IN keys(e) WHERE k STARTS WITH 'm.'] AS keys""", params)) {
                if (!result.hasNext()) {
                    return false;
                }
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) result.next().get("keys");
                keys = found;
            }
            Map<String, Object> changes = new HashMap<>();
            keys.forEach(key -> changes.put(key, null)); // setting null removes the property
            metadata.forEach((key, value) -> changes.put(EpisodeProperties.metadataProperty(key), value));
            params.put("changes", changes);
            tx.execute("""
                    MATCH (e:Episode {uid: $uid}) WHERE e.org_id = $org AND e.project_id = $project
                    SET e += $changes""", params).close();
            return true;
        });
    }

    void delete(Scope scope, Collection<Long> uidsToDelete) {
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(uidsToDelete));
        write(tx -> {
            lockProject(tx, scope, false);
            Map<String, Object> params = scopeParams(scope);
            params.put("uids", wanted);
            List<Long> missing = new ArrayList<>();
            try (var result = tx.execute("""
                    UNWIND $uids AS uid
                    OPTIONAL MATCH (e:Episode {uid: uid}) WHERE e.org_id = $org AND e.project_id = $project
                    WITH uid, e WHERE e IS NULL
                    RETURN uid""", params)) {
                result.forEachRemaining(row -> missing.add((Long) row.get("uid")));
            }
            if (!missing.isEmpty()) {
                throw new NotFoundException("Episode(s) not found in " + scope + ": "
                        + String.join(", ", missing.stream().map(String::valueOf).toList()));
            }
            for (Long uid : wanted) {
                // unlink, delete, bridge the gap, and move the project's tail back if it was the last
                tx.execute("""
                        MATCH (e:Episode {uid: $uid})
                        OPTIONAL MATCH (a)-[:NEXT]->(e)
                        OPTIONAL MATCH (e)-[:NEXT]->(b)
                        OPTIONAL MATCH (e)-[:REVISED]->(r:Revision)
                        WITH e, a, b, collect(r) AS revisions
                        FOREACH (r IN revisions | DETACH DELETE r)
                        DETACH DELETE e
                        WITH a, b
                        FOREACH (_ IN CASE WHEN a IS NULL OR b IS NULL THEN [] ELSE [1] END | CREATE (a)-[:NEXT]->(b))
                        WITH a, b
                        MATCH (p:Project {org_id: $org, project_id: $project})
                        FOREACH (_ IN CASE WHEN b IS NULL THEN [1] ELSE [] END |
                            SET p.last_uid = a.uid, p.last_created_at = a.created_at)""",
                        Map.of("uid", uid, "org", scope.orgId(), "project", scope.projectId())).close();
            }
            return null;
        });
    }

    long deleteAll(Scope scope) {
        long total = 0;
        long deleted;
        do {
            deleted = write(tx -> {
                lockProject(tx, scope, false);
                try (var result = tx.execute("""
                        MATCH (e:Episode) WHERE e.org_id = $org AND e.project_id = $project AND e.created_at IS NOT NULL
                        WITH e LIMIT 5000
                        OPTIONAL MATCH (e)-[:REVISED]->(r:Revision)
                        DETACH DELETE e, r
                        RETURN count(DISTINCT e) AS n""", scopeParams(scope))) {
                    return (Long) result.next().get("n");
                }
            });
            total += deleted;
        } while (deleted > 0);
        write(tx -> {
            tx.execute("""
                    MATCH (p:Project {org_id: $org, project_id: $project})
                    REMOVE p.last_uid, p.last_created_at""", scopeParams(scope)).close();
            return null;
        });
        return total;
    }

    /**
     * The scope's project node, write-locked for the rest of the transaction (its version counted
     * up); when it does not exist yet, created first if {@code create}, else null. Always through
     * MERGE / MATCH, which take the project's index entry before its node: the order every writer
     * must keep (locking a remembered node first, and the index entry later in the same
     * transaction, deadlocked against writers that had taken the entry: BENCHMARKS.md).
     */
    private static Node lockProject(Transaction tx, Scope scope, boolean create) {
        String statement = create
                ? """
                  MERGE (p:Project {org_id: $org, project_id: $project})
                  ON CREATE SET p.description = '', p.created_at = timestamp()
                  SET p.version = coalesce(p.version, 0) + 1
                  RETURN p"""
                : """
                  MATCH (p:Project {org_id: $org, project_id: $project})
                  SET p.version = coalesce(p.version, 0) + 1
                  RETURN p""";
        try (var result = tx.execute(statement, scopeParams(scope))) {
            return result.hasNext() ? (Node) result.next().get("p") : null;
        }
    }

    static Map<String, Object> scopeParams(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("org", scope.orgId());
        params.put("project", scope.projectId());
        return params;
    }

    private static Map<String, Object> single(Transaction tx, String query, Map<String, Object> params) {
        try (var result = tx.execute(query, params)) {
            return result.hasNext() ? result.next() : null;
        }
    }

    private static Long uid(Map<String, Object> row) {
        return row == null ? null : (Long) row.get("uid");
    }
}
