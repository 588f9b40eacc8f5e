package dev.engram.store.neo4j;

import java.util.Map;

/**
 * Hands out episode uids: unique and increasing for the life of the store. Blocks of uids are
 * reserved in their own committed transaction, so a crash leaves a gap, never a reuse.
 */
final class UidAllocator {
    private static final long BLOCK = 1_000;
    private final Neo4jDatabase database;
    private long next;
    private long limit;

    UidAllocator(Neo4jDatabase database) {
        this.database = database;
    }

    /** The first of {@code count} consecutive fresh uids. */
    synchronized long allocate(int count) {
        if (next + count > limit) {
            long block = Math.max(BLOCK, count);
            next = reserve(block);
            limit = next + block;
        }
        long first = next;
        next += count;
        return first;
    }

    /**
     * Makes sure no uid up to {@code uid} is handed out from now on (an episode restored with its
     * own uid): the cached block is dropped if it reaches that far, and the store's counter moves past it.
     */
    synchronized void reserveBeyond(long uid) {
        if (next <= uid) {
            next = 0;
            limit = 0;
        }
        database.write(tx -> {
            tx.execute("""
                    MERGE (m:EngramMeta {key: 'store'})
                    SET m.next_uid = CASE WHEN coalesce(m.next_uid, 1) > $uid THEN coalesce(m.next_uid, 1) ELSE $uid + 1 END""",
                    Map.of("uid", uid)).close();
            return null;
        });
    }

    private long reserve(long block) {
        return database.write(tx -> {
            org.neo4j.graphdb.Node meta = StoreMeta.lockedNode(tx);
            long start = ((Number) meta.getProperty("next_uid", 1L)).longValue();
            meta.setProperty("next_uid", start + block);
            return start;
        });
    }
}
