package dev.engram.app;

import dev.engram.core.episode.EpisodeText;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.episode.Fusion;
import dev.engram.core.episode.QueryText;
import dev.engram.core.episode.TimelineRerank;
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
import java.util.Map;
import java.util.Set;
import java.util.Properties;

/**
 * Settings read from {@code engram.properties} in the data folder; every key is optional.
 * <pre>
 * embedding.model      = bge-small-en-v1.5-q | all-minilm-l6-v2-q
 * search.fusion        = minmax | linear | rrf
 * search.text_weight   = 0.6
 * search.vector_weight = 0.4
 * search.rrf_k         = 60
 * search.candidates    = 100
 * search.query_text    = drop_question_words_and_pronouns | drop_question_words | keep
 * search.neighbour_weight = 0.3
 * search.session_weight   = 0.8
 * search.session_gap      = PT1H
 * search.question_factor  = 0.8
 * index.speaker        = true    (index "producer: content" instead of the content alone)
 * index.analyzer       = english (a Neo4j full-text analyzer; a change rebuilds the index)
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
                           String analyzer, ModelSettings models, ExtractionSettings extraction,
                           SummarySettings summaries) {
    public static final String FILE_NAME = "engram.properties";
    /** The full-text index's analyzer unless {@code index.analyzer} names another. */
    public static final String DEFAULT_ANALYZER = "english";

    public EngramConfig {
        if (analyzer == null || !analyzer.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("index.analyzer must be an analyzer name such as english or standard");
        }
    }

    public EngramConfig(OnnxEmbedder.Model embeddingModel, EpisodicSearch.Settings search, boolean indexSpeaker) {
        this(embeddingModel, search, indexSpeaker, DEFAULT_ANALYZER);
    }

    public EngramConfig(OnnxEmbedder.Model embeddingModel, EpisodicSearch.Settings search, boolean indexSpeaker,
                        String analyzer) {
        this(embeddingModel, search, indexSpeaker, analyzer, ModelSettings.defaults(), ExtractionSettings.defaults(),
                SummarySettings.defaults());
    }

    public static EngramConfig defaults() {
        return new EngramConfig(OnnxEmbedder.Model.BGE_SMALL_EN_V15_Q, EpisodicSearch.Settings.defaults(), true);
    }

    /** The same with other model settings (command-line flags win over the file). */
    public EngramConfig withModels(ModelSettings models) {
        return new EngramConfig(embeddingModel, search, indexSpeaker, analyzer, models, extraction, summaries);
    }

    public EngramConfig withExtraction(ExtractionSettings extraction) {
        return new EngramConfig(embeddingModel, search, indexSpeaker, analyzer, models, extraction, summaries);
    }

    public EngramConfig withSummaries(SummarySettings summaries) {
        return new EngramConfig(embeddingModel, search, indexSpeaker, analyzer, models, extraction, summaries);
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

    /** The {@code search.*} settings of {@code p}, each missing one taken from {@code base}. */
    static EpisodicSearch.Settings search(Properties p, EpisodicSearch.Settings base) {
        Fusion fd = base.fusion();
        Fusion fusion = new Fusion(
                Fusion.Method.valueOf(p.getProperty("search.fusion", fd.method().name()).strip().toUpperCase(Locale.ROOT)),
                Double.parseDouble(p.getProperty("search.text_weight", "" + fd.textWeight()).strip()),
                Double.parseDouble(p.getProperty("search.vector_weight", "" + fd.vectorWeight()).strip()),
                Integer.parseInt(p.getProperty("search.rrf_k", "" + fd.rrfK()).strip()));
        int candidates = Integer.parseInt(p.getProperty("search.candidates", "" + base.candidates()).strip());
        QueryText queryText = QueryText.valueOf(p.getProperty("search.query_text", base.queryText().name()).strip()
                .toUpperCase(Locale.ROOT).replace('-', '_'));
        TimelineRerank t = base.timeline();
        TimelineRerank timeline = new TimelineRerank(
                Double.parseDouble(p.getProperty("search.neighbour_weight", "" + t.neighbourWeight()).strip()),
                Double.parseDouble(p.getProperty("search.session_weight", "" + t.sessionWeight()).strip()),
                java.time.Duration.parse(p.getProperty("search.session_gap", t.sessionGap().toString()).strip()),
                Double.parseDouble(p.getProperty("search.question_factor", "" + t.questionFactor()).strip()));
        return new EpisodicSearch.Settings(fusion, candidates, queryText, timeline);
    }

    /**
     * A benchmark variant: {@code "text_weight=0.6 vector_weight=0.4"} (search settings without
     * their {@code search.} prefix) over {@code base}; {@code name=...} labels it, else the spec does.
     */
    public static Map.Entry<String, EpisodicSearch.Settings> searchVariant(EpisodicSearch.Settings base, String spec) {
        Properties p = new Properties();
        String name = spec.strip();
        for (String pair : spec.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new dev.engram.core.InvalidInputException("--variant", "'" + pair + "' is not KEY=VALUE");
            }
            String key = pair.substring(0, eq);
            if (key.equals("name")) {
                name = pair.substring(eq + 1);
            } else {
                p.setProperty("search." + key, pair.substring(eq + 1));
            }
        }
        Set<String> known = Set.of("search.fusion", "search.text_weight", "search.vector_weight", "search.rrf_k",
                "search.candidates", "search.query_text", "search.neighbour_weight", "search.session_weight",
                "search.session_gap", "search.question_factor");
        for (String key : p.stringPropertyNames()) {
            if (!known.contains(key)) {
                throw new dev.engram.core.InvalidInputException("--variant", "unknown setting '" + key.substring(7)
                        + "'; known: " + known.stream().map(k -> k.substring(7)).sorted().toList());
            }
        }
        try {
            return Map.entry(name, search(p, base));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new dev.engram.core.InvalidInputException("--variant", "'" + spec + "': " + e.getMessage());
        }
    }

    static EngramConfig from(Properties p, Path source) {
        EngramConfig d = defaults();
        try {
            EpisodicSearch.Settings search = search(p, d.search());
            OnnxEmbedder.Model model = OnnxEmbedder.Model.byId(p.getProperty("embedding.model", d.embeddingModel().id()).strip());
            boolean speaker = Boolean.parseBoolean(p.getProperty("index.speaker", "" + d.indexSpeaker()).strip());
            String analyzer = p.getProperty("index.analyzer", d.analyzer()).strip().toLowerCase(Locale.ROOT);
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
            return new EngramConfig(model, search, speaker, analyzer, models, extraction, summaries);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("invalid setting in " + source + ": " + e.getMessage(), e);
        }
    }
}
