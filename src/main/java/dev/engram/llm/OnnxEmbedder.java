package dev.engram.llm;

import ai.onnxruntime.OrtException;
import dev.engram.core.Futures;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * In-process embeddings with a quantized ONNX model (no server, no network). A query is embedded
 * as written, as a stored passage is: BGE v1.5 was trained to retrieve without its query
 * instruction ("Represent this sentence for searching relevant passages: ") as well. On LoCoMo
 * (five stores) the search without it finds as much: evidence recall@10 the same or up to 0.4
 * better, session recall any@5 from 4 questions fewer to 7 more of 1,982 (4 more on a fresh
 * store), the vector search alone better on every store; and a query embeds in about 40 % less
 * time (the instruction's tokens were most of a short question's; BENCHMARKS.md).
 */
public final class OnnxEmbedder implements Embedder {

    /** The in-process models Engram ships. */
    public enum Model {
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 384, PoolingMode.MEAN),
        BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", 384, PoolingMode.CLS);

        private final String id;
        private final int dimension;
        private final PoolingMode pooling;

        Model(String id, int dimension, PoolingMode pooling) {
            this.id = id;
            this.dimension = dimension;
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

    /** Texts per inference in {@link #embedAll}. */
    static final int BATCH_TEXTS = 16;
    /** Tokens per inference in {@link #embedAll} (texts × the longest, padding included). */
    static final int BATCH_TOKENS = 1024;

    private final Model model;
    private final EmbeddingModel delegate;
    private final BatchEncoder batches;
    private final Executor executor;

    /**
     * Loads the model (about a second, once per process); {@code executor} runs the inferences of
     * {@link #embedAll} side by side.
     */
    public OnnxEmbedder(Model model, Executor executor) {
        this.model = model;
        this.executor = executor;
        OnnxSessions.Loaded loaded = OnnxSessions.encoder(model.id, model.pooling);
        this.batches = loaded.batch();
        this.delegate = new AbstractInProcessEmbeddingModel(executor) {
            @Override
            protected OnnxBertBiEncoder model() {
                return loaded.single();
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

    /**
     * Embeds many texts in few inferences: texts of like length together (little padding), up to
     * {@link #BATCH_TEXTS} texts or {@link #BATCH_TOKENS} tokens each, the inferences side by side
     * on the executor. A text too long for one inference is embedded alone, in parts. Each vector
     * is that of its text embedded alone within quantization noise (see {@link BatchEncoder}); the
     * same list always gives the same vectors.
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.size() < 2) {
            return texts.stream().map(this::embed).toList();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<long[]> tokens = tokenize(texts, cores);
        float[][] vectors = new float[texts.size()][];
        List<Integer> batchable = new ArrayList<>();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int index = i;
            if (tokens.get(i) == null) { // too long or blank: as alone (in parts, or langchain4j's error)
                work.add(CompletableFuture.runAsync(() -> vectors[index] = embed(texts.get(index)), executor));
            } else {
                batchable.add(i);
            }
        }
        batchable.sort(Comparator.comparingInt((Integer i) -> tokens.get(i).length).thenComparingInt(i -> i));
        for (List<Integer> batch : batches(batchable, tokens, cores).reversed()) { // longest first: the cores end together
            work.add(CompletableFuture.runAsync(() -> encode(batch, tokens, vectors), executor));
        }
        Futures.await(CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)));
        return Arrays.asList(vectors);
    }

    /** Each text's model input (null: blank, or too long for one inference), tokenized on all cores. */
    private List<long[]> tokenize(List<String> texts, int cores) {
        long[][] tokens = new long[texts.size()][];
        int shares = Math.min(cores, texts.size());
        CompletableFuture<?>[] work = new CompletableFuture<?>[shares];
        for (int share = 0; share < shares; share++) {
            int from = share * texts.size() / shares;
            int to = (share + 1) * texts.size() / shares;
            work[share] = CompletableFuture.runAsync(() -> {
                for (int i = from; i < to; i++) {
                    tokens[i] = texts.get(i).isBlank() ? null : batches.tokens(texts.get(i));
                }
            }, executor);
        }
        Futures.await(CompletableFuture.allOf(work));
        return Arrays.asList(tokens);
    }

    /**
     * Cuts the texts (shortest first) into batches: first into as many even shares as keep every
     * core equally busy (twenty texts on two cores: two of ten, not sixteen and four; a hundred:
     * eight of 12-13), then each share where a text is more than a quarter (or four tokens) longer
     * than its batch's shortest, so that padding stays small, or where the batch would pass
     * {@link #BATCH_TOKENS} tokens.
     */
    static List<List<Integer>> batches(List<Integer> sorted, List<long[]> tokens, int cores) {
        int shares = Math.min(sorted.size(), Math.ceilDiv(Math.ceilDiv(sorted.size(), BATCH_TEXTS), cores) * cores);
        List<List<Integer>> batches = new ArrayList<>();
        for (int share = 0; share < shares; share++) {
            List<Integer> texts = sorted.subList(share * sorted.size() / shares, (share + 1) * sorted.size() / shares);
            int from = 0;
            while (from < texts.size()) {
                int shortest = tokens.get(texts.get(from)).length;
                int to = from + 1;
                while (to < texts.size()) {
                    int length = tokens.get(texts.get(to)).length;
                    if (length > shortest + Math.max(4, shortest / 4) || (to - from + 1) * length > BATCH_TOKENS) {
                        break;
                    }
                    to++;
                }
                batches.add(texts.subList(from, to));
                from = to;
            }
        }
        return batches;
    }

    private void encode(List<Integer> batch, List<long[]> tokens, float[][] vectors) {
        try {
            List<float[]> encoded = batches.encode(batch.stream().map(tokens::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                vectors[batch.get(i)] = encoded.get(i);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OnnxEmbedder[" + model.id.toLowerCase(Locale.ROOT) + "]";
    }
}
