package dev.engram.llm;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the folder ONNX Runtime's Java binding extracts its native libraries into.
 * <p>
 * The binding (1.23) copies them into a new {@code onnxruntime-java*} folder under the system's
 * temporary directory in every process and asks the JVM to delete the libraries and the folder at
 * exit; the JVM deletes in reverse order, so the folder goes first, fails (the libraries are still
 * in it), and stays behind, empty: one more folder per run of any Engram command. Once the
 * libraries are loaded, a POSIX system does not need their files (the mapping holds them), so the
 * folder is removed right after loading. Windows keeps loaded libraries locked: there the folder
 * is left to the binding, as before.
 */
final class OrtTempFolder {
    private static final Logger LOG = LoggerFactory.getLogger(OrtTempFolder.class);

    private OrtTempFolder() {
    }

    /**
     * Deletes this process's extraction folder with its files: the folder, now gone (also when an
     * earlier call removed it), or empty (no folder known, Windows, or a deletion that failed).
     * Call only after the libraries are loaded.
     */
    static Optional<Path> remove() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return Optional.empty();
        }
        Optional<Path> folder = extractionFolder();
        folder.ifPresent(OrtTempFolder::deleteTree);
        return folder.filter(f -> !Files.exists(f));
    }

    /** The binding's own record of the folder it made (a private field; absent in other versions). */
    static Optional<Path> extractionFolder() {
        try {
            Class<?> runtime = Class.forName("ai.onnxruntime.OnnxRuntime");
            Field field = runtime.getDeclaredField("tempDirectory");
            field.setAccessible(true);
            return field.get(null) instanceof Path path && path.getFileName().toString().startsWith("onnxruntime-java")
                    ? Optional.of(path) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("ONNX Runtime's extraction folder is not known: {}", e.toString());
            return Optional.empty();
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", folder, e.toString());
        }
    }
}
