package dev.engram.app;

import dev.engram.core.episode.EpisodeText;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.episode.Fusion;
import dev.engram.llm.OnnxEmbedder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * </pre>
 */
public record EngramConfig(OnnxEmbedder.Model embeddingModel, EpisodicSearch.Settings search, boolean indexSpeaker) {
    public static final String FILE_NAME = "engram.properties";

    public static EngramConfig defaults() {
        return new EngramConfig(OnnxEmbedder.Model.ALL_MINILM_L6_V2_Q, EpisodicSearch.Settings.defaults(), false);
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
            return new EngramConfig(model, new EpisodicSearch.Settings(fusion, candidates), speaker);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid setting in " + source + ": " + e.getMessage(), e);
        }
    }
}
