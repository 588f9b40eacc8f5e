package dev.engram.app;

import dev.engram.cli.EngramOpener;
import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.ingest.EmbeddingMigration;
import dev.engram.core.ingest.ShortTermSummaries;
import dev.engram.core.ingest.VectorMaintenance;
import dev.engram.core.memory.EpisodicMemory;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.ProfileMemory;
import dev.engram.llm.OllamaLanguageModel;
import dev.engram.llm.OnnxEmbedder;
import dev.engram.store.h2.H2Database;
import dev.engram.store.h2.H2ProfileStore;
import dev.engram.store.h2.H2SummaryStore;
import dev.engram.store.neo4j.Neo4jDatabase;
import dev.engram.store.neo4j.Neo4jEpisodeStore;
import dev.engram.store.neo4j.Neo4jProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open Engram: the stores of a data folder and the services on them. This is the
 * composition root: the one place that builds and connects everything, and closes it in
 * reverse order.
 */
public final class Engram implements EngramOpener.OpenEngram {
    private static final Logger LOG = LoggerFactory.getLogger(Engram.class);

    private final Path dataDir;
    private final MemoryService memory;
    private final Embedder embedder;
    private final Deque<AutoCloseable> resources;

    private final EpisodeStore episodeStore;
    private final VectorMaintenance factStore;
    private final ShortTermSummaries summaries;
    private boolean backgroundStarted;
    private boolean closed;

    private Engram(Path dataDir, MemoryService memory, Embedder embedder, EpisodeStore episodeStore,
                   VectorMaintenance factStore, ShortTermSummaries summaries, Deque<AutoCloseable> resources) {
        this.dataDir = dataDir;
        this.memory = memory;
        this.embedder = embedder;
        this.episodeStore = episodeStore;
        this.factStore = factStore;
        this.summaries = summaries;
        this.resources = resources;
    }

    /** How {@link #open} treats vectors made with another embedding model than the configured one. */
    public enum Reembedding {
        /** Re-embed everything before {@code open} returns (the CLI and the server). */
        AT_OPEN,
        /** Only mark them stale; {@link #reembed} does the work later, cancellably (the desktop app). */
        LATER
    }

    /** A search over this store with other settings (benchmarks compare configurations side by side). */
    public EpisodicSearch episodicSearch(EpisodicSearch.Settings settings) {
        return new EpisodicSearch(episodeStore, embedder, settings);
    }

    /** Opens the data folder (creating it), re-embedding first if the embedding model changed. */
    public static Engram open(Path dataDir, EngramConfig config, Progress progress, Clock clock) {
        return open(dataDir, config, progress, clock, Reembedding.AT_OPEN);
    }

    /**
     * Opens the data folder (creating it). After a change of embedding model the stored vectors
     * are re-embedded at open or left stale for {@link #reembed}, as {@code reembedding} says;
     * stale items are still found by full-text search meanwhile.
     */
    public static Engram open(Path dataDir, EngramConfig config, Progress progress, Clock clock,
                              Reembedding reembedding) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Files.createDirectories(dataDir);
            ExecutorService embedding = Executors.newVirtualThreadPerTaskExecutor();
            resources.push(embedding::shutdownNow);
            // The model, the graph store and the SQL store open in parallel: start-up is the slowest of them.
            CompletableFuture<Embedder> model = CompletableFuture.supplyAsync(
                    () -> new OnnxEmbedder(config.embeddingModel(), embedding), embedding);
            CompletableFuture<H2Database> sqlOpening = CompletableFuture.supplyAsync(
                    () -> H2Database.open(dataDir.resolve("profile")), embedding);
            Neo4jDatabase graph;
            try {
                graph = Neo4jDatabase.open(dataDir.resolve("episodes"), Neo4jDatabase.Settings.defaults());
            } catch (RuntimeException | Error e) {
                sqlOpening.thenAccept(H2Database::close);
                throw e;
            }
            resources.push(graph);
            H2Database sql = join(sqlOpening);
            resources.push(sql);
            Embedder embedder = join(model);

            Neo4jEpisodeStore episodes = new Neo4jEpisodeStore(graph);
            H2ProfileStore facts = new H2ProfileStore(sql, clock);
            Neo4jProjectStore projects = new Neo4jProjectStore(graph);

            EmbeddingMigration migration = new EmbeddingMigration(embedder);
            migration.adopt("episodes", episodes);
            migration.adopt("facts", facts);
            if (reembedding == Reembedding.AT_OPEN) {
                reembed(migration, episodes, facts, progress, Cancellation.none());
            }

            EpisodicSearch search = new EpisodicSearch(episodes, embedder, config.search());
            EpisodicMemory episodic = new EpisodicMemory(episodes, embedder, search, config.episodeText(), clock);
            ProfileMemory profile = new ProfileMemory(facts, embedder);
            H2SummaryStore summaryStore = new H2SummaryStore(sql);
            MemoryService memory = new MemoryService(projects, episodes, facts, episodic, profile, summaryStore);
            ShortTermSummaries summaries = new ShortTermSummaries(episodes, projects, summaryStore,
                    OllamaLanguageModel.at(config.models().ollamaUrl()), config.models(), config.summaries(), clock);
            LOG.info("Engram open on {}", dataDir);
            return new Engram(dataDir, memory, embedder, episodes, facts, summaries, resources);
        } catch (java.io.IOException e) {
            closeAll(resources);
            throw new dev.engram.core.StoreUnavailableException("Cannot create the data folder " + dataDir + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Whether some episodes or facts have no vector of the current model yet (see {@link #reembed}). */
    public boolean reembeddingPending() {
        EmbeddingMigration migration = new EmbeddingMigration(embedder);
        return migration.pending(episodeStore) || migration.pending(factStore);
    }

    /**
     * Re-embeds the episodes and facts whose vectors are stale, in batches with progress; returns
     * how many. Cancelling stops between batches (CancellationException); the next run resumes.
     */
    public long reembed(Progress progress, Cancellation cancel) {
        return reembed(new EmbeddingMigration(embedder), episodeStore, factStore, progress, cancel);
    }

    private static long reembed(EmbeddingMigration migration, EpisodeStore episodes, VectorMaintenance facts,
                                Progress progress, Cancellation cancel) {
        return migration.migrate("episodes", episodes, episodes.totalCount(), progress, cancel)
                + migration.migrate("facts", facts, -1, progress, cancel);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Starts the background work on the memory: short-term summaries (written by the model as
     * episodes overflow the window, and caught up with whatever was added while they were not
     * running). The server, MCP and the desktop app call this after {@link #open}; one-shot CLI
     * commands, benchmarks and most tests do not. Stopped by {@link #close}, before the stores.
     */
    public synchronized void startBackgroundWork() {
        if (backgroundStarted || closed) {
            return;
        }
        backgroundStarted = true;
        memory.episodes().whenAdded(summaries::added);
        resources.push(summaries);
        summaries.start();
    }

    /** Short-term memory's summarizer: its state, and where it finds the model. */
    public ShortTermSummaries summaries() {
        return summaries;
    }

    @Override
    public MemoryService memory() {
        return memory;
    }

    public Embedder embedder() {
        return embedder;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource, e);
            }
        }
    }
}
