package dev.engram.store.neo4j;

import java.util.Map;
import java.util.Optional;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexSetting;

/**
 * The store's own facts (schema version, embedding space, text form, the uid counter), kept on
 * one {@code (:EngramMeta {key: 'store'})} node, read and written through Neo4j's core API.
 * Start-up reads them on every open: a Cypher statement costs its first planning (about a
 * second of CPU per statement on a cold JVM), a property read costs nothing.
 */
final class StoreMeta {
    private static final Label LABEL = Label.label("EngramMeta");
    private static final String KEY = "store";

    private StoreMeta() {
    }

    /** A property of the store node, or empty when the node or the property is missing. */
    static Optional<Object> get(Transaction tx, String property) {
        Node node = tx.findNode(LABEL, "key", KEY);
        return node == null ? Optional.empty() : Optional.ofNullable(node.getProperty(property, null));
    }

    /** The store node, created when missing, write-locked for the rest of the transaction. */
    static Node lockedNode(Transaction tx) {
        Node node = tx.findNode(LABEL, "key", KEY);
        if (node == null) {
            node = tx.createNode(LABEL);
            node.setProperty("key", KEY);
        }
        tx.acquireWriteLock(node);
        return node;
    }

    /** Sets properties of the store node (creating it when missing). */
    static void set(Transaction tx, Map<String, Object> properties) {
        Node node = lockedNode(tx);
        properties.forEach(node::setProperty);
    }

    /** The analyzer a full-text index was built with, or empty when there is no such index. */
    static Optional<String> fulltextAnalyzer(Transaction tx, String indexName) {
        IndexDefinition index;
        try {
            index = tx.schema().getIndexByName(indexName);
        } catch (IllegalArgumentException missing) {
            return Optional.empty();
        }
        Object analyzer = index.getIndexConfiguration().get(IndexSetting.fulltext_Analyzer());
        return Optional.ofNullable(analyzer).map(Object::toString);
    }
}
