package dev.engram.support;

import dev.engram.app.Engram;
import dev.engram.app.EngramConfig;
import dev.engram.core.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One real Engram (embedded Neo4j + H2 + ONNX) for the whole test run: opening Neo4j takes
 * seconds, so test classes share it and keep apart by org/project, which also exercises
 * isolation. Closed and deleted when the test JVM exits.
 */
public final class SharedEngram {
    private static Engram instance;

    private SharedEngram() {
    }

    public static synchronized Engram get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("engram-suite-");
                instance = Engram.open(dir, EngramConfig.defaults(), Progress.NONE, Clock.systemUTC());
                // Tests never reach a real Ollama, even on a machine that runs one (port 9: nothing listens).
                instance.setModels(new dev.engram.core.ingest.ModelSettings("http://127.0.0.1:9", "", ""));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    instance.close();
                    deleteTree(dir);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** An org id no other test uses. */
    public static String uniqueOrg(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp folder is not a test failure
        }
    }
}
