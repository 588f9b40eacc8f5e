package dev.engram.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Our own ONNX sessions (thread settings) give the vectors langchain4j's model classes give. */
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
    void bgeVectorsMatchLangchain4jsModelClass() {
        assertSame(new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EXECUTOR),
                new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    @Test
    void miniLmVectorsMatchLangchain4jsModelClass() {
        assertSame(new OnnxEmbedder(OnnxEmbedder.Model.ALL_MINILM_L6_V2_Q, EXECUTOR),
                new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Test
    void queriesGetTheModelsInstruction() {
        OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EXECUTOR);
        float[] query = embedder.embedQuery("seat preference");
        float[] expected = new BgeSmallEnV15QuantizedEmbeddingModel()
                .embed("Represent this sentence for searching relevant passages: seat preference").content().vector();
        assertClose(query, expected);
    }

    @Test
    void aBatchKeepsItsOrderAndEqualsTextsEmbeddedOneByOne() {
        OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EXECUTOR);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(TEXTS.get(i % (TEXTS.size() - 1)) + " #" + i);
        }
        List<float[]> batch = embedder.embedAll(many);
        assertThat(batch).hasSize(many.size());
        for (int i = 0; i < many.size(); i++) {
            assertClose(batch.get(i), embedder.embed(many.get(i)));
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    private static void assertSame(OnnxEmbedder ours, EmbeddingModel reference) {
        List<float[]> batch = ours.embedAll(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] expected = reference.embed(TEXTS.get(i)).content().vector();
            assertThat(expected).hasSize(384);
            assertClose(ours.embed(TEXTS.get(i)), expected);
            assertClose(batch.get(i), expected);
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int d = 0; d < expected.length; d++) {
            assertThat((double) actual[d]).isCloseTo(expected[d], org.assertj.core.data.Offset.offset(1e-5));
        }
    }
}
