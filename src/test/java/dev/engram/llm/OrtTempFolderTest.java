package dev.engram.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** ONNX Runtime's extracted libraries do not outlive loading them (one empty folder per run did). */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows keeps loaded libraries locked; the folder is left to the binding")
class OrtTempFolderTest {

    @Test
    void theExtractionFolderIsGoneOnceTheModelIsLoadedAndTheModelStillEmbeds() {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, executor);

            Path folder = OrtTempFolder.extractionFolder().orElseThrow(); // the binding made one in this process
            assertThat(folder.getFileName().toString()).startsWith("onnxruntime-java");
            assertThat(Files.exists(folder)).as("%s after loading", folder).isFalse();

            float[] vector = embedder.embed("the libraries stay mapped after their files are gone");
            assertThat(vector).hasSize(384);
            assertThat(OrtTempFolder.remove()).as("a second call finds nothing left").contains(folder);
        }
    }
}
