package dev.engram.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.support.TestEmbedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryVectorTest {

    /** The real embedder, counting the queries it embeds. */
    private static final class Counting implements Embedder {
        final AtomicInteger queries = new AtomicInteger();
        final Embedder real = TestEmbedder.get();

        @Override
        public EmbeddingSpace space() {
            return real.space();
        }

        @Override
        public float[] embed(String text) {
            return real.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return real.embedAll(texts);
        }

        @Override
        public float[] embedQuery(String query) {
            queries.incrementAndGet();
            return real.embedQuery(query);
        }
    }

    @Test
    void aQueryIsEmbeddedOnFirstUseAndOnlyOnce() {
        Counting embedder = new Counting();
        QueryVector vector = new QueryVector(embedder, "window seat");
        assertThat(embedder.queries).hasValue(0);

        float[] first = vector.get();
        float[] second = vector.get();

        assertThat(embedder.queries).hasValue(1);
        assertThat(second).isSameAs(first).containsExactly(embedder.real.embedQuery("window seat"));
        assertThat(vector.query()).isEqualTo("window seat");
    }
}
