package dev.engram.core.ingest;

/** Identifies the vectors a store holds: the model that made them and their dimension. */
public record EmbeddingSpace(String modelId, int dimension) {
    public EmbeddingSpace {
        if (modelId == null || modelId.isBlank() || dimension < 1) {
            throw new IllegalArgumentException("model id and a positive dimension are required");
        }
    }
}
