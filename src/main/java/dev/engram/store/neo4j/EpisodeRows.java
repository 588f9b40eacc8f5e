package dev.engram.store.neo4j;

import dev.engram.core.episode.Episode;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Result;

/** The one projection of an episode node, and its mapping to the core record. */
final class EpisodeRows {
    /** Cypher returning an episode bound to {@code e} as the columns {@link #map} reads. */
    static final String PROJECTION = " e.uid AS uid, e.org_id AS org_id, e.project_id AS project_id, e.producer AS producer,"
            + " e.produced_for AS produced_for, e.role AS role, " + StoredContent.cypher("e") + " AS content,"
            + " e.created_at AS created_at, e.episode_type AS episode_type,"
            + " [k IN keys(e) WHERE k STARTS WITH 'm.' | [k, e[k]]] AS meta";

    private EpisodeRows() {
    }

    static Episode map(Map<String, Object> row) {
        Map<String, String> metadata = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<List<Object>> pairs = (List<List<Object>>) row.get("meta");
        for (List<Object> pair : pairs) {
            String key = (String) pair.get(0);
            metadata.put(key.substring(EpisodeProperties.METADATA_PREFIX.length()), (String) pair.get(1));
        }
        return new Episode(
                (Long) row.get("uid"),
                new Scope((String) row.get("org_id"), (String) row.get("project_id")),
                (String) row.get("producer"),
                (String) row.get("produced_for"),
                (String) row.get("role"),
                (String) row.get("content"),
                Instant.ofEpochMilli((Long) row.get("created_at")),
                metadata,
                (String) row.get("episode_type"));
    }

    /** The fixed properties {@link #read} takes from a node, beside its metadata. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("producer", "produced_for", "role",
            StoredContent.CONTENT, StoredContent.INDEXED_TEXT, StoredContent.FORM, "created_at", "episode_type");

    /**
     * The episode of a node known to be {@code uid} of {@code scope}, as {@link #map} makes it from
     * {@link #PROJECTION}: its keys read first, then the properties it needs in one pass (never the
     * vector, which a read of every property would decode).
     */
    static Episode read(Node node, long uid, Scope scope) {
        List<String> wanted = new java.util.ArrayList<>();
        boolean hasContent = false;
        for (String key : node.getPropertyKeys()) {
            if (FIELDS.contains(key) || key.startsWith(EpisodeProperties.METADATA_PREFIX)) {
                wanted.add(key);
                hasContent |= key.equals(StoredContent.CONTENT);
            }
        }
        if (hasContent) { // an older episode: its content as written, not its indexed text too
            wanted.remove(StoredContent.INDEXED_TEXT);
        }
        Map<String, Object> properties = node.getProperties(wanted.toArray(String[]::new));
        Map<String, String> metadata = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(EpisodeProperties.METADATA_PREFIX)) {
                metadata.put(key.substring(EpisodeProperties.METADATA_PREFIX.length()), (String) value);
            }
        });
        return new Episode(uid, scope, (String) properties.get("producer"), (String) properties.get("produced_for"),
                (String) properties.get("role"), StoredContent.of(properties),
                Instant.ofEpochMilli((Long) properties.get("created_at")), metadata,
                (String) properties.get("episode_type"));
    }

    /**
     * The uid of an episode node of {@code scope}, or null for one of another scope: its three
     * properties read in one pass over the node's property records (a read by name walks them
     * from the start each time, as Cypher's {@code e.org_id} does).
     */
    static Long uidInScope(Node node, Scope scope) {
        Map<String, Object> properties = node.getProperties("uid", "org_id", "project_id");
        return inScope(properties, scope) ? (Long) properties.get("uid") : null;
    }

    /** Whether properties read from an episode node (its {@code org_id} and {@code project_id} among them) are of {@code scope}. */
    static boolean inScope(Map<String, Object> properties, Scope scope) {
        return scope.orgId().equals(properties.get("org_id")) && scope.projectId().equals(properties.get("project_id"));
    }

    static List<Episode> mapAll(Result result) {
        List<Episode> episodes = new java.util.ArrayList<>();
        result.forEachRemaining(row -> episodes.add(map(row)));
        return episodes;
    }
}
