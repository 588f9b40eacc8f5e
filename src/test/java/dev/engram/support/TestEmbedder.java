package dev.engram.support;

import dev.engram.core.ingest.Embedder;
import dev.engram.llm.OnnxEmbedder;
import java.util.concurrent.Executors;

/** The real in-process embedder, loaded once per test JVM (the model takes a second to load). */
public final class TestEmbedder {
    private static volatile Embedder instance;

    private TestEmbedder() {
    }

    public static Embedder get() {
        Embedder local = instance;
        if (local == null) {
            synchronized (TestEmbedder.class) {
                local = instance;
                if (local == null) {
                    local = new OnnxEmbedder(OnnxEmbedder.Model.ALL_MINILM_L6_V2_Q,
                            Executors.newVirtualThreadPerTaskExecutor());
                    instance = local;
                }
            }
        }
        return local;
    }
}
