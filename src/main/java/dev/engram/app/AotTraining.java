package dev.engram.app;

import dev.engram.bench.ApiLoad;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AOT training run of the packaged app (packaging/Packager.java): the desktop app started with
 * {@code -Dengram.aotTraining=true} on a temporary data folder (JavaFX's Headless platform, no
 * display) opens its window and stores as usual, then adds and searches over its own REST API for a
 * few seconds, shows every screen, and closes. The JVM writes the AOT cache as it exits.
 */
final class AotTraining {
    static final String PROPERTY = "engram.aotTraining";
    private static final Logger LOG = LoggerFactory.getLogger(AotTraining.class);

    private AotTraining() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Adds and searches through the running API (two clients, 8 s). */
    static void exercise(ServerMain.Running server) {
        if (server == null) {
            LOG.warn("AOT training without the API server: only start-up is recorded");
            return;
        }
        try {
            ApiLoad.Result result = new ApiLoad(server.baseUri(), null).run(2, Duration.ofSeconds(8), "aot-training");
            LOG.info("AOT training: {} adds, {} searches, {} errors", result.adds(), result.searches(), result.errors());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
