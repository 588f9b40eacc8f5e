package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeDraft;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.TestEmbedder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads adding and searching at once: uids stay unique and every chain stays whole. */
class Neo4jConcurrencyTest {
    @TempDir
    static Path dir;
    static Neo4jDatabase database;
    static Neo4jEpisodeStore store;
    static Embedder embedder;

    @BeforeAll
    static void open() {
        embedder = TestEmbedder.get();
        database = Neo4jDatabase.open(dir.resolve("neo4j"), Neo4jDatabase.Settings.defaults());
        store = new Neo4jEpisodeStore(database);
        store.resetEmbeddingSpace(embedder.space());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void concurrentAppendsAndSearchesKeepUidsUniqueAndChainsInTimeOrder() throws Exception {
        List<Scope> scopes = List.of(Scope.of("conc", "one"), Scope.of("conc", "two"));
        float[] vector = embedder.embed("a shared message about coffee");
        List<Long> uids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int i = 0; i < 25; i++) {
                    Scope scope = scopes.get(random.nextInt(scopes.size()));
                    List<EpisodeDraft> drafts = new ArrayList<>();
                    for (int k = 0; k <= random.nextInt(3); k++) {
                        NewEpisode e = new NewEpisode("user" + thread, null, "user", "coffee " + thread + "-" + i + "-" + k,
                                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(100_000)), Map.of());
                        drafts.add(new EpisodeDraft(e, e.content(), vector));
                    }
                    store.append(scope, drafts).forEach(e -> uids.add(e.uid()));
                    assertThat(store.searchText(scope, "coffee", Filter.all(), 5)).isNotEmpty();
                    assertThat(store.searchVector(scope, vector, Filter.all(), 5)).isNotEmpty();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(new HashSet<>(uids)).hasSameSizeAs(uids);
        long total = 0;
        for (Scope scope : scopes) {
            List<Episode> listed = store.list(scope, Filter.all(), new PageRequest(10_000, 0), Order.OLDEST_FIRST);
            total += listed.size();
            assertThat(listed.size()).isLessThan(EpisodeQueries.MAX_NEIGHBOUR_HOPS);
            List<Episode> chain = new ArrayList<>();
            chain.add(listed.getFirst());
            chain.addAll(store.neighbours(scope, listed.getFirst().uid(), 0, listed.size(), Filter.all()).after());
            assertThat(chain).as("the NEXT chain visits every episode in time order").containsExactlyElementsOf(listed);
            assertThat(store.neighbours(scope, listed.getFirst().uid(), 5, 0, Filter.all()).before()).isEmpty();
        }
        assertThat(total).isEqualTo(uids.size());
    }
}
