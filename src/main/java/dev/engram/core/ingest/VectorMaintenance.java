package dev.engram.core.ingest;

import java.util.Map;
import java.util.Optional;

/**
 * What a store holding vectors offers so that a change of embedding model re-embeds its items
 * instead of mixing vectors of two models. Items are identified by a long id.
 */
public interface VectorMaintenance {

    /** The model whose vectors the store holds, or empty for a new store. */
    Optional<EmbeddingSpace> embeddingSpace();

    /** Records the new space and marks every item's vector stale (search degrades, never mixes). */
    void resetEmbeddingSpace(EmbeddingSpace space);

    /** Items whose vector is stale, as id to the text to embed, at most {@code limit}. */
    Map<Long, String> staleEmbeddings(int limit);

    void storeEmbeddings(Map<Long, float[]> vectors);
}
