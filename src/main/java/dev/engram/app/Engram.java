package dev.engram.app;

import dev.engram.cli.EngramOpener;
import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.ingest.EmbeddingMigration;
import dev.engram.core.memory.EpisodicMemory;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.ProfileMemory;
import dev.engram.llm.OnnxEmbedder;
import dev.engram.store.h2.H2Database;
import dev.engram.store.h2.H2ProfileStore;
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
    private final JsonTransfers transfers;

    private Engram(Path dataDir, MemoryService memory, Embedder embedder, EpisodeStore episodeStore,
                   JsonTransfers transfers, Deque<AutoCloseable> resources) {
        this.dataDir = dataDir;
        this.memory = memory;
        this.embedder = embedder;
        this.episodeStore = episodeStore;
        this.transfers = transfers;
        this.resources = resources;
    }

    /** A search over this store with other settings (benchmarks compare configurations side by side). */
    public EpisodicSearch episodicSearch(EpisodicSearch.Settings settings) {
        return new EpisodicSearch(episodeStore, embedder, settings);
    }

    /** Opens the data folder (creating it), re-embedding first if the embedding model changed. */
    public static Engram open(Path dataDir, EngramConfig config, Progress progress, Clock clock) {
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
            migration.migrate("episodes", episodes, episodes.totalCount(), progress, Cancellation.none());
            migration.migrate("facts", facts, -1, progress, Cancellation.none());

            EpisodicSearch search = new EpisodicSearch(episodes, embedder, config.search());
            EpisodicMemory episodic = new EpisodicMemory(episodes, embedder, search, config.episodeText(), clock);
            ProfileMemory profile = new ProfileMemory(facts, embedder);
            MemoryService memory = new MemoryService(projects, episodes, facts, episodic, profile);
            JsonTransfers transfers = new JsonTransfers(
                    new ScopeExport(episodes, facts, projects, embedder.space(), Version.current(), clock),
                    new ScopeImport(episodes, facts, projects, episodic, profile), projects, sql::backupTo,
                    List.of(dataDir.resolve(EngramConfig.FILE_NAME), dataDir.resolve(DesktopMain.PREFERENCES_FILE)),
                    Version.current(), clock);
            LOG.info("Engram open on {}", dataDir);
            return new Engram(dataDir, memory, embedder, episodes, transfers, resources);
        } catch (java.io.IOException e) {
            closeAll(resources);
            throw new dev.engram.core.StoreUnavailableException("Cannot create the data folder " + dataDir + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeAll(resources);
            throw e;
        }
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
    public void close() {
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
