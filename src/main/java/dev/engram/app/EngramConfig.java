package dev.engram.app;

import dev.engram.core.episode.EpisodeText;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.episode.Fusion;
import dev.engram.core.ingest.ExtractionSettings;
import dev.engram.core.ingest.ModelSettings;
import dev.engram.core.ingest.SummarySettings;
import dev.engram.llm.OllamaLanguageModel;
import dev.engram.llm.OnnxEmbedder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Settings read from {@code engram.properties} in the data folder; every key is optional.
 * <pre>
 * embedding.model      = all-minilm-l6-v2-q | bge-small-en-v1.5-q
 * search.fusion        = linear | rrf
 * search.text_weight   = 0.5
 * search.vector_weight = 0.5
 * search.candidates    = 50
 * index.speaker        = false   (index "producer: content" instead of the content alone)
 * ollama.url           = http://127.0.0.1:11434
 * ollama.timeout       = PT5M     (longest wait for one answer)
 * llm.chat_model       =          (empty: picked in the app from Ollama's list)
 * llm.extraction_model =          (empty: the chat model, else Ollama's first model)
 * extraction.enabled   = true
 * extraction.trigger_messages = 5
 * extraction.trigger_age      = PT5M   (ISO-8601 duration)
 * extraction.batch_size       = 5
 * extraction.max_attempts     = 3
 * extraction.retry_backoff    = PT2S
 * extraction.consolidate_at   = 20
 * summary.capacity     = 16000  (characters of a producer's episodes kept before the oldest are summarized)
 * </pre>
 */
public record EngramConfig(OnnxEmbedder.Model embeddingModel, EpisodicSearch.Settings search, boolean indexSpeaker,
                           ModelSettings models, ExtractionSettings extraction, SummarySettings summaries) {
    public static final String FILE_NAME = "engram.properties";

    public EngramConfig(OnnxEmbedder.Model embeddingModel, EpisodicSearch.Settings search, boolean indexSpeaker) {
        this(embeddingModel, search, indexSpeaker, ModelSettings.defaults(), ExtractionSettings.defaults(),
                SummarySettings.defaults());
    }

    public static EngramConfig defaults() {
        return new EngramConfig(OnnxEmbedder.Model.ALL_MINILM_L6_V2_Q, EpisodicSearch.Settings.defaults(), false);
    }

    /** The same with other model settings (command-line flags win over the file). */
    public EngramConfig withModels(ModelSettings models) {
        return new EngramConfig(embeddingModel, search, indexSpeaker, models, extraction, summaries);
    }

    public EngramConfig withExtraction(ExtractionSettings extraction) {
        return new EngramConfig(embeddingModel, search, indexSpeaker, models, extraction, summaries);
    }

    public EngramConfig withSummaries(SummarySettings summaries) {
        return new EngramConfig(embeddingModel, search, indexSpeaker, models, extraction, summaries);
    }

    public EpisodeText episodeText() {
        return indexSpeaker ? EpisodeText.SPEAKER_AND_CONTENT : EpisodeText.CONTENT;
    }

    /** The data folder's settings file, or the defaults when there is none. */
    public static EngramConfig load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return from(p, file);
    }

    static EngramConfig from(Properties p, Path source) {
        EngramConfig d = defaults();
        try {
            Fusion fd = d.search().fusion();
            Fusion fusion = new Fusion(
                    Fusion.Method.valueOf(p.getProperty("search.fusion", fd.method().name()).strip().toUpperCase(Locale.ROOT)),
                    Double.parseDouble(p.getProperty("search.text_weight", "" + fd.textWeight()).strip()),
                    Double.parseDouble(p.getProperty("search.vector_weight", "" + fd.vectorWeight()).strip()),
                    Integer.parseInt(p.getProperty("search.rrf_k", "" + fd.rrfK()).strip()));
            int candidates = Integer.parseInt(p.getProperty("search.candidates", "" + d.search().candidates()).strip());
            OnnxEmbedder.Model model = OnnxEmbedder.Model.byId(p.getProperty("embedding.model", d.embeddingModel().id()).strip());
            boolean speaker = Boolean.parseBoolean(p.getProperty("index.speaker", "false").strip());
            ModelSettings models = new ModelSettings(p.getProperty("ollama.url", ModelSettings.DEFAULT_URL),
                    p.getProperty("llm.chat_model", ""), p.getProperty("llm.extraction_model", ""),
                    Duration.parse(p.getProperty("ollama.timeout", ModelSettings.DEFAULT_TIMEOUT.toString()).strip()));
            OllamaLanguageModel.at(models.ollamaUrl()); // a URL that is not http(s)://host:port fails here, named
            ExtractionSettings x = d.extraction();
            ExtractionSettings extraction = new ExtractionSettings(
                    Boolean.parseBoolean(p.getProperty("extraction.enabled", "" + x.enabled()).strip()),
                    Integer.parseInt(p.getProperty("extraction.trigger_messages", "" + x.triggerMessages()).strip()),
                    Duration.parse(p.getProperty("extraction.trigger_age", x.triggerAge().toString()).strip()),
                    Integer.parseInt(p.getProperty("extraction.batch_size", "" + x.batchSize()).strip()),
                    Integer.parseInt(p.getProperty("extraction.max_attempts", "" + x.maxAttempts()).strip()),
                    Duration.parse(p.getProperty("extraction.retry_backoff", x.retryBackoff().toString()).strip()),
                    Integer.parseInt(p.getProperty("extraction.consolidate_at", "" + x.consolidateAt()).strip()),
                    x.pollInterval());
            SummarySettings summaries = d.summaries().withCapacity(
                    Integer.parseInt(p.getProperty("summary.capacity", "" + d.summaries().capacity()).strip()));
            return new EngramConfig(model, new EpisodicSearch.Settings(fusion, candidates), speaker, models, extraction,
                    summaries);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("invalid setting in " + source + ": " + e.getMessage(), e);
        }
    }
}
