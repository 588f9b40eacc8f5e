package dev.engram.core.ingest;

import java.util.function.Supplier;

/**
 * A search query's vector, embedded when first needed and at most once, however many memory
 * types the search reads (episodes and profile facts both rank by it).
 */
public final class QueryVector implements Supplier<float[]> {
    private final Embedder embedder;
    private final String query;
    private float[] vector;

    public QueryVector(Embedder embedder, String query) {
        this.embedder = embedder;
        this.query = query;
    }

    public String query() {
        return query;
    }

    @Override
    public synchronized float[] get() {
        if (vector == null) {
            vector = embedder.embedQuery(query);
        }
        return vector;
    }
}
