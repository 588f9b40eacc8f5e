package dev.engram.llm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an ONNX model shipped in a langchain4j jar into a session of our own, so that its thread
 * settings are ours: one intra-op thread per inference and no spinning. Inferences run side by
 * side (one per text, or one per batch of texts), so concurrent inferences cannot oversubscribe a
 * small machine's cores, and ONNX Runtime's default spin-waiting does not burn a core the stores
 * and the HTTP server need. Each model is loaded once per process (as langchain4j's own model
 * classes do), however often a store opens.
 */
final class OnnxSessions {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);
    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

    /** One session, read through langchain4j's encoder (one text) and ours (batches). */
    record Loaded(OnnxBertBiEncoder single, BatchEncoder batch) {
    }

    private OnnxSessions() {
    }

    /** The encoder of {@code resource}.onnx and {@code resource}-tokenizer.json on the classpath. */
    static Loaded encoder(String resource, PoolingMode pooling) {
        return LOADED.computeIfAbsent(resource, r -> load(r, pooling));
    }

    private static Loaded load(String resource, PoolingMode pooling) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtTempFolder.remove(); // the native libraries are loaded now
            byte[] model;
            try (InputStream in = open(resource + ".onnx")) {
                model = in.readAllBytes();
            }
            OrtSession session = session(environment, model, pooling, options, resource);
            OnnxBertBiEncoder single;
            try (InputStream tokenizer = open(resource + "-tokenizer.json")) {
                single = new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
            }
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = open(resource + "-tokenizer.json")) {
                // as langchain4j's: no padding, no truncation (long texts are embedded in parts)
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
            }
            return new Loaded(single, new BatchEncoder(environment, session, tokenizer, pooling));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedding model " + resource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the embedding model " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The model with its last layer on [CLS] alone where that applies, else (or if that fails to load) as shipped. */
    private static OrtSession session(OrtEnvironment environment, byte[] model, PoolingMode pooling,
                                      OrtSession.SessionOptions options, String resource) throws OrtException {
        byte[] trimmed = pooling == PoolingMode.CLS ? ClsOnlyLastLayer.trim(model) : model;
        if (trimmed != model) {
            try {
                return environment.createSession(trimmed, options);
            } catch (OrtException e) {
                LOG.warn("Embedding model {} with its last layer on [CLS] alone did not load ({}); using it as shipped",
                        resource, e.getMessage());
            }
        }
        return environment.createSession(model, options);
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = OnnxSessions.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path");
        }
        return in;
    }
}
