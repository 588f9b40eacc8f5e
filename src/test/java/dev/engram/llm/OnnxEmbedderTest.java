package dev.engram.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Our own ONNX sessions (thread settings) give the vectors langchain4j's model classes give:
 * MiniLM's exactly, BGE's (its last layer computing [CLS] alone, {@link ClsOnlyLastLayer}) within
 * quantization noise; our batches give them within quantization noise.
 */
class OnnxEmbedderTest {
    private static final ExecutorService EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();
    private static final List<String> TEXTS = List.of(
            "I prefer window seats on long flights.",
            "alice: The flight to Tokyo leaves on Monday at 7:05, gate B12!",
            "Café crème, naïve résumé — 42 € (really?)",
            "ok",
            "We talked about the dog, the garden and whether my sister would come over for dinner next week.",
            "long ".repeat(700) + "the end");

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    @Test
    void bgeVectorsMatchLangchain4jsModelClassWithinTheTrimmedLayersNoise() {
        OnnxEmbedder ours = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EXECUTOR);
        EmbeddingModel reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            assertThat(cosine(ours.embed(text), reference.embed(text).content().vector())).as(text).isGreaterThan(0.9999);
        }
        assertBatchClose(ours, reference);
    }

    @Test
    void miniLmVectorsMatchLangchain4jsModelClass() {
        OnnxEmbedder ours = new OnnxEmbedder(OnnxEmbedder.Model.ALL_MINILM_L6_V2_Q, EXECUTOR);
        EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            assertClose(ours.embed(text), reference.embed(text).content().vector());
        }
        assertBatchClose(ours, reference);
    }

    @Test
    void aQueryIsEmbeddedAsWrittenWithoutBgesInstruction() {
        OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EXECUTOR);
        float[] query = embedder.embedQuery("seat preference");
        EmbeddingModel reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        float[] instructed = reference
                .embed("Represent this sentence for searching relevant passages: seat preference").content().vector();
        float[] plain = reference.embed("seat preference").content().vector();
        assertThat(cosine(query, plain)).isGreaterThan(0.9999);
        assertThat(cosine(query, instructed)).as("the instruction would move it").isLessThan(0.99);
        assertThat(query).containsExactly(embedder.embed("seat preference"));
    }

    @Test
    void aBatchKeepsItsOrderIsRepeatableAndIsCloseToTextsEmbeddedOneByOne() {
        OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EXECUTOR);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(TEXTS.get(i % TEXTS.size()) + " #" + i);
        }
        List<float[]> batch = embedder.embedAll(many);
        assertThat(batch).hasSize(many.size());
        for (int i = 0; i < many.size(); i++) {
            float[] alone = embedder.embed(many.get(i));
            if (many.get(i).startsWith("long ")) {
                assertClose(batch.get(i), alone); // too long for one inference: embedded alone, in parts
            } else {
                assertThat(cosine(batch.get(i), alone)).as(many.get(i)).isGreaterThan(0.99);
            }
        }
        List<float[]> again = embedder.embedAll(many);
        for (int i = 0; i < many.size(); i++) {
            assertThat(again.get(i)).containsExactly(batch.get(i));
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
        assertClose(embedder.embedAll(List.of(TEXTS.getFirst())).getFirst(), embedder.embed(TEXTS.getFirst()));
    }

    @Test
    void aBatchOfOneIsExactlyTheTextAlone() throws Exception {
        for (OnnxEmbedder.Model model : OnnxEmbedder.Model.values()) {
            OnnxSessions.Loaded loaded = OnnxSessions.encoder(model.id(), model == OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q
                    ? dev.langchain4j.model.embedding.onnx.PoolingMode.CLS : dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN);
            OnnxEmbedder embedder = new OnnxEmbedder(model, EXECUTOR);
            for (String text : TEXTS.subList(0, TEXTS.size() - 1)) {
                float[] batched = loaded.batch().encode(List.of(loaded.batch().tokens(text))).getFirst();
                assertClose(batched, embedder.embed(text));
            }
            assertThat(loaded.batch().tokens(TEXTS.getLast())).as("longer than one inference").isNull();
        }
    }

    @Test
    void aBlankTextInABatchFailsAsItDoesAlone() {
        OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EXECUTOR);
        assertThatThrownBy(() -> embedder.embedAll(List.of("fine", "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void batchesGroupTextsOfLikeLengthAndShareTheWorkAmongTheCores() {
        assertThat(batchSizes(java.util.Collections.nCopies(20, 18), 2)).containsExactly(10, 10);
        assertThat(batchSizes(java.util.Collections.nCopies(100, 18), 2)).containsExactly(12, 13, 12, 13, 12, 13, 12, 13);
        assertThat(batchSizes(java.util.Collections.nCopies(3, 18), 1)).containsExactly(3);
        // a quarter (or four tokens) longer than the batch's shortest starts a new batch
        assertThat(batchSizes(List.of(10, 12, 14, 15, 40, 50, 51), 1)).containsExactly(3, 1, 2, 1);
        // long texts: at most OnnxEmbedder.BATCH_TOKENS tokens per inference, padding included
        assertThat(batchSizes(java.util.Collections.nCopies(6, 400), 1)).containsExactly(2, 2, 2);
    }

    private static List<Integer> batchSizes(List<Integer> lengths, int cores) {
        List<long[]> tokens = lengths.stream().map(n -> new long[n]).toList();
        List<Integer> sorted = java.util.stream.IntStream.range(0, lengths.size()).boxed().toList();
        return OnnxEmbedder.batches(sorted, tokens, cores).stream().map(List::size).toList();
    }

    private static void assertBatchClose(OnnxEmbedder ours, EmbeddingModel reference) {
        List<float[]> batch = ours.embedAll(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] expected = reference.embed(TEXTS.get(i)).content().vector();
            assertThat(batch.get(i)).hasSize(384);
            assertThat(cosine(batch.get(i), expected)).isGreaterThan(0.99);
        }
    }

    /** Cosine similarity, for the tests of this package. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int d = 0; d < expected.length; d++) {
            assertThat((double) actual[d]).isCloseTo(expected[d], org.assertj.core.data.Offset.offset(1e-5));
        }
    }
}
