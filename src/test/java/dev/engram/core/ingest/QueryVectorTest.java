package dev.engram.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.support.TestEmbedder;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void aPrefetchedQueryIsEmbeddedInTheBackgroundOnceAndWorkWaitsForIt() throws Exception {
        Counting embedder = new Counting();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            QueryVector vector = new QueryVector(embedder, "window seat", executor).prefetch().prefetch();
            AtomicReference<String> ranOn = new AtomicReference<>();
            var work = vector.whenReady(() -> {
                ranOn.set(Thread.currentThread().getName());
                return vector.get().length;
            });

            assertThat(dev.engram.core.Futures.await(work)).isEqualTo(embedder.real.space().dimension());
            assertThat(ranOn.get()).isNotEqualTo(Thread.currentThread().getName());
            assertThat(vector.get()).containsExactly(embedder.real.embedQuery("window seat"));
            assertThat(embedder.queries).hasValue(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void withoutAnExecutorWorkRunsAtOnceAndItsFailureIsRethrownAsItself() {
        Counting embedder = new Counting();
        QueryVector vector = new QueryVector(embedder, "window seat").prefetch();
        assertThat(embedder.queries).hasValue(0); // nothing to prefetch on

        var failed = vector.whenReady(() -> {
            throw new IllegalStateException("store closed");
        });
        assertThatThrownBy(() -> dev.engram.core.Futures.await(failed)).isInstanceOf(IllegalStateException.class)
                .hasMessage("store closed");
        assertThat(dev.engram.core.Futures.await(vector.whenReady(() -> vector.get().length))).isEqualTo(embedder.real.space().dimension());
        assertThat(embedder.queries).hasValue(1);
    }
}
