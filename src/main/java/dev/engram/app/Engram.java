package dev.engram.app;

import dev.engram.cli.EngramOpener;
import dev.engram.core.Cancellation;
import dev.engram.core.Futures;
import dev.engram.core.Progress;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.ingest.EmbeddingMigration;
import dev.engram.core.ingest.ConfiguredSets;
import dev.engram.core.ingest.Extraction;
import dev.engram.core.ingest.ExtractionIntake;
import dev.engram.core.ingest.ExtractionWorker;
import dev.engram.core.ingest.ModelSettings;
import dev.engram.core.ingest.ShortTermSummaries;
import dev.engram.core.ingest.VectorMaintenance;
import dev.engram.core.memory.EpisodicMemory;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.ProfileMemory;
import dev.engram.llm.OllamaLanguageModel;
import dev.engram.core.memory.SemanticConfigService;
import dev.engram.llm.OnnxEmbedder;
import dev.engram.store.h2.H2ExtractionQueue;
import dev.engram.store.h2.H2Database;
import dev.engram.store.h2.H2ProfileStore;
import dev.engram.store.h2.H2SemanticConfigStore;
import dev.engram.store.h2.H2SummaryStore;
import dev.engram.store.neo4j.Neo4jDatabase;
import dev.engram.store.neo4j.Neo4jEpisodeStore;
import dev.engram.store.neo4j.Neo4jProjectStore;
import dev.engram.core.transfer.ScopeExport;
import dev.engram.core.transfer.ScopeImport;
import dev.engram.transfer.JsonTransfers;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
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
    private final ExtractionWorker extractionWorker;
    private final AtomicReference<ModelSettings> models;
    private final ShortTermSummaries summaries;
    private final JsonTransfers transfers;
    private boolean backgroundStarted;
    private boolean closed;

    private Engram(Path dataDir, MemoryService memory, Embedder embedder, EpisodeStore episodeStore,
                   VectorMaintenance factStore, ExtractionWorker extractionWorker, AtomicReference<ModelSettings> models,
                   ShortTermSummaries summaries, JsonTransfers transfers, Deque<AutoCloseable> resources) {
        this.extractionWorker = extractionWorker;
        this.models = models;
        this.summaries = summaries;
        this.transfers = transfers;
        this.dataDir = dataDir;
        this.memory = memory;
        this.embedder = embedder;
        this.episodeStore = episodeStore;
        this.factStore = factStore;
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

    /** The episode store itself (benchmarks read it directly). */
    public EpisodeStore episodeStore() {
        return episodeStore;
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
            H2Database sql = Futures.await(sqlOpening);
            resources.push(sql);
            Embedder embedder = Futures.await(model);

            Neo4jEpisodeStore episodes = new Neo4jEpisodeStore(graph, config.analyzer(), config.indexSpeaker());
            H2ProfileStore facts = new H2ProfileStore(sql, clock);
            Neo4jProjectStore projects = new Neo4jProjectStore(graph);

            EmbeddingMigration migration = new EmbeddingMigration(embedder);
            migration.adopt("episodes", episodes);
            migration.adopt("facts", facts);
            if (reembedding == Reembedding.AT_OPEN) {
                reembed(migration, episodes, facts, progress, Cancellation.none());
            }

            EpisodicSearch search = new EpisodicSearch(episodes, embedder, config.search());
            ProfileMemory profile = new ProfileMemory(facts, embedder);
            AtomicReference<ModelSettings> models = new AtomicReference<>(config.models());
            SemanticConfigService semanticConfig = new SemanticConfigService(new H2SemanticConfigStore(sql, clock));
            H2ExtractionQueue queue = new H2ExtractionQueue(sql);
            ExtractionWorker worker = new ExtractionWorker(queue, episodes, profile,
                    ConfiguredSets.categories(semanticConfig),
                    () -> ollama(models.get()), models::get, config.extraction(), clock);
            resources.push(worker);
            // search queries are embedded on platform threads of their own (a native call would pin a
            // virtual thread's carrier), one per core, while the search reads the full-text hits
            ExecutorService queryEmbedding = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                    Thread.ofPlatform().daemon().name("query-embedding-", 1).factory());
            resources.push(queryEmbedding::shutdownNow);
            EpisodicMemory episodic = new EpisodicMemory(episodes, embedder, search, config.episodeText(), clock,
                    config.extraction().enabled()
                            ? new ExtractionIntake(queue, new ConfiguredSets(semanticConfig), worker::wake, clock)
                            : dev.engram.core.ingest.EpisodeListener.NONE, // switched off: nothing is queued
                    queryEmbedding);
            H2SummaryStore summaryStore = new H2SummaryStore(sql);
            MemoryService memory = new MemoryService(projects, episodes, facts, episodic, profile, semanticConfig,
                    new Extraction(queue, worker), summaryStore);
            ShortTermSummaries summaries = new ShortTermSummaries(episodes, projects, summaryStore,
                    ollama(config.models()), config.models(), config.summaries(), clock);
            JsonTransfers transfers = new JsonTransfers(
                    new ScopeExport(episodes, facts, projects, embedder.space(), Version.current(), clock),
                    new ScopeImport(episodes, facts, projects, episodic, profile), projects, sql::backupTo,
                    List.of(dataDir.resolve(EngramConfig.FILE_NAME), dataDir.resolve(DesktopMain.PREFERENCES_FILE)),
                    Version.current(), clock);
            LOG.info("Engram open on {}", dataDir);
            return new Engram(dataDir, memory, embedder, episodes, facts, worker, models, summaries, transfers,
                    resources);
        } catch (java.io.IOException e) {
            closeAll(resources);
            throw new dev.engram.core.StoreUnavailableException("Cannot create the data folder " + dataDir + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    /** The Ollama URL and models now in use. */
    public ModelSettings models() {
        return models.get();
    }

    @Override
    public void useModels(String ollamaUrl, String extractionModel) {
        ModelSettings now = models.get();
        setModels(new ModelSettings(ollamaUrl == null ? now.ollamaUrl() : ollamaUrl, now.chatModel(),
                extractionModel == null ? now.extractionModel() : extractionModel, now.answerTimeout()));
    }

    /** Changes the Ollama URL or models (the app's settings); the next model call uses them. */
    public void setModels(ModelSettings settings) {
        models.set(settings);
        extractionWorker.wake();
        try {
            summaries.useModel(ollama(settings));
        } catch (dev.engram.core.ingest.ModelUnavailableException e) {
            LOG.warn("Summaries keep their model: {}", e.getMessage());
        }
    }

    private static OllamaLanguageModel ollama(ModelSettings settings) {
        try {
            return new OllamaLanguageModel(settings.ollamaUrl(), java.time.Duration.ofSeconds(3), settings.answerTimeout());
        } catch (IllegalArgumentException e) {
            throw new dev.engram.core.ingest.ModelUnavailableException(e.getMessage() + " (fix ollama.url)", e);
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
        return migration.migrate("episodes", episodes, episodes::totalCount, progress, cancel)
                + migration.migrate("facts", facts, () -> -1, progress, cancel);
    }

    /**
     * Starts the background work on the memory: fact extraction from the queue, and short-term
     * summaries (written by the model as episodes overflow the window, and caught up with whatever
     * was added while they were not running). The server, MCP and the desktop app call this after
     * {@link #open}; one-shot CLI commands (which only queue), benchmarks and most tests do not.
     * Stopped by {@link #close}, before the stores.
     */
    public synchronized void startBackgroundWork() {
        if (backgroundStarted || closed) {
            return;
        }
        backgroundStarted = true;
        extractionWorker.start();
        memory.episodes().whenAdded(summaries::added);
        resources.push(summaries);
        summaries.start();
    }

    /**
     * Runs one search in {@code scope} and throws its results away, so that the search path's
     * queries are planned before the person's first search: a Cypher statement's first planning
     * costs about a second of CPU in a fresh JVM. Reads only; failures are logged, not thrown.
     */
    public void warmUp(dev.engram.core.scope.Scope scope) {
        long started = System.nanoTime();
        try {
            memory.search(new dev.engram.core.memory.SearchQuery(scope, "what did we talk about last time", 10,
                    dev.engram.core.scope.Filter.ALL, 0, null, java.util.EnumSet.allOf(dev.engram.core.scope.MemoryType.class)));
            LOG.info("Search warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Warming up search failed", e);
        }
    }

    /** {@link #warmUp(dev.engram.core.scope.Scope)} on the store's first project, if it has one. */
    public void warmUp() {
        try {
            memory.projects().list().stream().findFirst().ifPresent(project -> warmUp(project.scope()));
        } catch (RuntimeException e) {
            LOG.warn("Warming up search failed", e);
        }
    }

    /** Short-term memory's summarizer: its state, and where it finds the model. */
    public ShortTermSummaries summaries() {
        return summaries;
    }

    @Override
    public MemoryService memory() {
        return memory;
    }

    /** Export, import and backup of this memory. */
    @Override
    public JsonTransfers transfers() {
        return transfers;
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
