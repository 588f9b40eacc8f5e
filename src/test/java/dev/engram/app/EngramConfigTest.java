package dev.engram.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.ingest.SummarySettings;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EngramConfigTest {
    private static final Path FILE = Path.of("engram.properties");

    private static EngramConfig read(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return EngramConfig.from(p, FILE);
    }

    @Test
    void theSummaryWindowDefaultsTo16000CharactersAndIsASetting() {
        assertThat(read().summaries().capacity()).isEqualTo(SummarySettings.DEFAULT_CAPACITY).isEqualTo(16_000);
        assertThat(read().summaries().maxWords()).isEqualTo(1000);
        assertThat(read("summary.capacity", " 4000 ").summaries().capacity()).isEqualTo(4000);
    }

    @Test
    void anUnusableSummaryWindowOrOllamaUrlIsNamed() {
        assertThatThrownBy(() -> read("summary.capacity", "10")).hasMessageContaining("engram.properties")
                .hasMessageContaining("summary.capacity");
        assertThatThrownBy(() -> read("summary.capacity", "lots")).hasMessageContaining("engram.properties");
        assertThatThrownBy(() -> read("ollama.url", "localhost:11434")).hasMessageContaining("engram.properties")
                .hasMessageContaining("Ollama URL");
    }
}
