package dev.engram.store.neo4j;

import dev.engram.core.episode.TimelineLink;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The timeline links of search hits when no filter applies, read through Neo4j's core API: the
 * hits by their unique uid, their neighbours along {@code NEXT}, and the neighbours' neighbours.
 * The Cypher form of the same reads (still used under a filter) took about 3.5 ms for 100 hits at
 * 100k episodes, most of it the query pipeline rather than the store (BENCHMARKS.md).
 */
final class TimelineLinks {
    private static final Label EPISODE = Label.label("Episode");
    private static final RelationshipType NEXT = RelationshipType.withName("NEXT");

    private TimelineLinks() {
    }

    /** The hits of the scope among {@code uids}, then their neighbours, each once, with its own neighbours. */
    static List<TimelineLink> read(Transaction tx, Scope scope, Collection<Long> uids) {
        List<Node> hits = new ArrayList<>();
        for (long uid : uids) {
            Node node = tx.findNode(EPISODE, "uid", uid);
            if (node != null && scope.orgId().equals(node.getProperty("org_id", null))
                    && scope.projectId().equals(node.getProperty("project_id", null))) {
                hits.add(node);
            }
        }
        Map<Long, Node> found = new LinkedHashMap<>();
        hits.forEach(node -> found.putIfAbsent(uid(node), node));
        for (Direction direction : List.of(Direction.INCOMING, Direction.OUTGOING)) {
            for (Node hit : hits) {
                Node neighbour = neighbour(hit, direction);
                if (neighbour != null) {
                    found.putIfAbsent(uid(neighbour), neighbour);
                }
            }
        }
        List<TimelineLink> links = new ArrayList<>(found.size());
        for (Node node : found.values()) {
            Node previous = neighbour(node, Direction.INCOMING);
            Node next = neighbour(node, Direction.OUTGOING);
            Object content = node.getProperty("content", null);
            links.add(new TimelineLink(uid(node), Instant.ofEpochMilli((Long) node.getProperty("created_at")),
                    previous == null ? null : uid(previous), next == null ? null : uid(next),
                    content instanceof String text && text.strip().endsWith("?")));
        }
        return links;
    }

    /** The episode just before (incoming) or after (outgoing) {@code node}, if any. */
    private static Node neighbour(Node node, Direction direction) {
        try (var relationships = node.getRelationships(direction, NEXT)) {
            for (Relationship relationship : relationships) {
                Node other = relationship.getOtherNode(node);
                if (other.hasLabel(EPISODE)) {
                    return other;
                }
            }
        }
        return null;
    }

    private static long uid(Node node) {
        return (Long) node.getProperty("uid");
    }
}
