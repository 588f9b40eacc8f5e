package dev.engram.store.neo4j;

import static dev.engram.store.neo4j.EpisodeProperties.EPISODE;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.Transaction;

/**
 * Where the episodes that searches found lately are, by uid: a search's timeline links then reach
 * its hits without one seek in the uid index each (a third of the links' cost at 100k episodes,
 * and most of their garbage; BENCHMARKS.md). Only a hint: an id may since name another node or
 * none, so {@link #find} keeps a node only while it is still the episode with that uid.
 */
final class NodeLocator {
    /** Hints kept at most (a search leaves up to two hundred); all are dropped when it is reached. */
    static final int CAPACITY = 8_192;

    private final Map<Long, String> elementIds = new ConcurrentHashMap<>();

    void remember(long uid, Node node) {
        if (elementIds.size() >= CAPACITY) {
            elementIds.clear();
        }
        elementIds.put(uid, node.getElementId());
    }

    /**
     * The episode with {@code uid} and the named properties, read in one pass ({@code names} need
     * not include the uid); null when there is no such episode.
     */
    Found find(Transaction tx, long uid, String... names) {
        String id = elementIds.get(uid);
        if (id != null) {
            try {
                Node node = tx.getNodeByElementId(id);
                if (node.hasLabel(EPISODE)) {
                    Map<String, Object> properties = node.getProperties(withUid(names));
                    if (Long.valueOf(uid).equals(properties.get("uid"))) {
                        return new Found(node, properties);
                    }
                }
            } catch (NotFoundException gone) {
                // deleted since: the index says where it is now, if anywhere
            }
            elementIds.remove(uid, id);
        }
        Node node = tx.findNode(EPISODE, "uid", uid);
        return node == null ? null : new Found(node, node.getProperties(names));
    }

    private static String[] withUid(String[] names) {
        String[] all = java.util.Arrays.copyOf(names, names.length + 1);
        all[names.length] = "uid";
        return all;
    }

    /** An episode's node and the properties read with it. */
    record Found(Node node, Map<String, Object> properties) {
    }
}
