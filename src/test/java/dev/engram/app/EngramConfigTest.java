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

    @Test
    void searchLeversAreSettings() {
        var search = read("search.query_text", "drop_question_words", "search.neighbour_weight", "0.2",
                "search.session_weight", "0.3", "search.session_gap", "PT2H").search();
        assertThat(search.queryText()).isEqualTo(dev.engram.core.episode.QueryText.DROP_QUESTION_WORDS);
        assertThat(search.timeline().neighbourWeight()).isEqualTo(0.2);
        assertThat(search.timeline().sessionWeight()).isEqualTo(0.3);
        assertThat(search.timeline().sessionGap()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(read("index.analyzer", "Standard").analyzer()).isEqualTo("standard");
        assertThatThrownBy(() -> read("search.session_weight", "-1")).hasMessageContaining("engram.properties");
        assertThatThrownBy(() -> read("index.analyzer", "my analyzer")).hasMessageContaining("index.analyzer");
    }

    @Test
    void aBenchmarkVariantIsSearchSettingsOverTheDefaults() {
        var variant = EngramConfig.searchVariant(EngramConfig.defaults().search(),
                "name=mine text_weight=0.6 vector_weight=0.4 session_weight=0.5");
        assertThat(variant.getKey()).isEqualTo("mine");
        assertThat(variant.getValue().fusion().textWeight()).isEqualTo(0.6);
        assertThat(variant.getValue().timeline().sessionWeight()).isEqualTo(0.5);
        assertThat(variant.getValue().candidates()).isEqualTo(EngramConfig.defaults().search().candidates());
        assertThatThrownBy(() -> EngramConfig.searchVariant(EngramConfig.defaults().search(), "colour=blue"))
                .hasMessageContaining("unknown setting 'colour'");
    }
}
