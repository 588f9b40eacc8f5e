package dev.engram.store.neo4j;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Read-your-writes over the eventually consistent full-text index: every write marks the index
 * stale, and the next full-text search first waits for Neo4j to apply pending updates. Writes
 * in bulk pay nothing; a search pays for one refresh however many writes came before it.
 */
final class TextIndexFreshness {
    private final Neo4jDatabase database;
    private final AtomicBoolean stale = new AtomicBoolean();

    TextIndexFreshness(Neo4jDatabase database) {
        this.database = database;
    }

    /** Called after a write transaction committed. */
    void written() {
        stale.set(true);
    }

    /** Waits until every committed write is searchable; cheap when nothing was written. */
    void awaitFresh() {
        if (stale.getAndSet(false)) {
            database.read(tx -> {
                tx.execute("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").close();
                return null;
            });
        }
    }
}
