package dev.engram.llm;

import dev.engram.core.ingest.Embedder;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * In-process embeddings with a quantized ONNX model (no server, no network). Models trained
 * with a query instruction (BGE) get it prepended to queries, not to stored passages.
 */
public final class OnnxEmbedder implements Embedder {

    /** The in-process models Engram ships. */
    public enum Model {
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 384, "", PoolingMode.MEAN),
        BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", 384, "Represent this sentence for searching relevant passages: ",
                PoolingMode.CLS);

        private final String id;
        private final int dimension;
        private final String queryInstruction;
        private final PoolingMode pooling;

        Model(String id, int dimension, String queryInstruction, PoolingMode pooling) {
            this.id = id;
            this.dimension = dimension;
            this.queryInstruction = queryInstruction;
            this.pooling = pooling;
        }

        public String id() {
            return id;
        }

        public static Model byId(String id) {
            return Arrays.stream(values())
                    .filter(m -> m.id.equalsIgnoreCase(id) || m.name().equalsIgnoreCase(id.replace('-', '_')))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + id
                            + "'; available: " + Arrays.stream(values()).map(Model::id).toList()));
        }
    }

    private final Model model;
    private final EmbeddingModel delegate;

    /**
     * Loads the model (about a second, once per process); {@code executor} runs the texts of a
     * batch side by side, one inference per text (the quantized models scale their activations
     * over the whole input, so a padded batch would give other vectors than one text alone).
     */
    public OnnxEmbedder(Model model, Executor executor) {
        this.model = model;
        OnnxBertBiEncoder encoder = OnnxSessions.encoder(model.id, model.pooling);
        this.delegate = new AbstractInProcessEmbeddingModel(executor) {
            @Override
            protected OnnxBertBiEncoder model() {
                return encoder;
            }

            @Override
            protected Integer knownDimension() {
                return model.dimension;
            }
        };
    }

    @Override
    public EmbeddingSpace space() {
        return new EmbeddingSpace(model.id, model.dimension);
    }

    @Override
    public float[] embed(String text) {
        return delegate.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return delegate.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(model.queryInstruction + query);
    }

    @Override
    public String toString() {
        return "OnnxEmbedder[" + model.id.toLowerCase(Locale.ROOT) + "]";
    }
}
