package dev.engram.store.neo4j;

import static dev.engram.store.neo4j.EpisodeProperties.EPISODE;
import static dev.engram.store.neo4j.EpisodeProperties.NEXT;

import dev.engram.core.episode.TimelineLink;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * The timeline links of search hits when no filter applies, read through Neo4j's core API: the
 * hits by their unique uid, their neighbours along {@code NEXT}, and the neighbours' neighbours.
 * The Cypher form of the same reads (still used under a filter) took about 3.5 ms for 100 hits at
 * 100k episodes, most of it the query pipeline rather than the store (BENCHMARKS.md).
 * <p>
 * Each node's properties are read in one pass over its property records, and each node's uid and
 * neighbours once: the hits' neighbours are also the neighbours' neighbours, and a property read
 * by name walks the node's records from the start each time.
 */
final class TimelineLinks {

    /** What a link says of its own episode. */
    private record Place(long uid, long createdAt, boolean question) {
    }

    private final Map<Node, Place> found = new LinkedHashMap<>();
    private final Map<Node, Long> uids = new HashMap<>();
    private final Map<Node, Node> previous = new HashMap<>();
    private final Map<Node, Node> next = new HashMap<>();

    private final NodeLocator locator;

    private TimelineLinks(NodeLocator locator) {
        this.locator = locator;
    }

    /** The hits of the scope among {@code uids}, then their neighbours, each once, with its own neighbours. */
    static List<TimelineLink> read(Transaction tx, NodeLocator locator, Scope scope, Collection<Long> uids) {
        return new TimelineLinks(locator).links(tx, scope, uids);
    }

    private List<TimelineLink> links(Transaction tx, Scope scope, Collection<Long> hitUids) {
        List<Node> hits = new ArrayList<>();
        for (long uid : hitUids) {
            NodeLocator.Found episode = locator.find(tx, uid, "org_id", "project_id", "created_at", StoredContent.INDEXED_TEXT);
            if (episode == null || found.containsKey(episode.node())) {
                continue;
            }
            Node node = episode.node();
            Map<String, Object> properties = episode.properties();
            if (EpisodeRows.inScope(properties, scope)) {
                hits.add(node);
                found.put(node, place(uid, properties));
                uids.put(node, uid);
            }
        }
        for (Map<Node, Node> side : List.of(previous, next)) {
            for (Node hit : hits) {
                Node neighbour = neighbour(hit, side);
                if (neighbour != null && !found.containsKey(neighbour)) {
                    Map<String, Object> properties = neighbour.getProperties("uid", "created_at", StoredContent.INDEXED_TEXT);
                    long uid = (Long) properties.get("uid");
                    found.put(neighbour, place(uid, properties));
                    uids.put(neighbour, uid);
                }
            }
        }
        List<TimelineLink> links = new ArrayList<>(found.size());
        found.forEach((node, place) -> links.add(new TimelineLink(place.uid(), Instant.ofEpochMilli(place.createdAt()),
                uid(neighbour(node, previous)), uid(neighbour(node, next)), place.question())));
        return links;
    }

    private static Place place(long uid, Map<String, Object> properties) {
        return new Place(uid, (Long) properties.get("created_at"),
                // the indexed text ends as the content does ("producer: content" or the content)
                properties.get(StoredContent.INDEXED_TEXT) instanceof String text && text.strip().endsWith("?"));
    }

    /** The episode just before ({@code side} is {@link #previous}) or after {@code node}, if any, read once. */
    private Node neighbour(Node node, Map<Node, Node> side) {
        if (side.containsKey(node)) {
            return side.get(node);
        }
        Direction direction = side == previous ? Direction.INCOMING : Direction.OUTGOING;
        Node found = null;
        try (var relationships = node.getRelationships(direction, NEXT)) {
            for (Relationship relationship : relationships) {
                Node other = relationship.getOtherNode(node);
                if (other.hasLabel(EPISODE)) {
                    found = other;
                    break;
                }
            }
        }
        side.put(node, found);
        return found;
    }

    private Long uid(Node node) {
        return node == null ? null : uids.computeIfAbsent(node, n -> (Long) n.getProperty("uid"));
    }
}
