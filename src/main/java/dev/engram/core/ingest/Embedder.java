package dev.engram.core.ingest;

import java.util.List;

/** Turns text into vectors. Implementations are thread-safe. */
public interface Embedder {

    EmbeddingSpace space();

    /** Embeds a passage to be stored. */
    float[] embed(String text);

    /** Embeds passages to be stored, in order (batched where the model allows). */
    List<float[]> embedAll(List<String> texts);

    /** Embeds a search query; models trained with a query instruction add it here. */
    default float[] embedQuery(String query) {
        return embed(query);
    }
}
