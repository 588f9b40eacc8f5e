package dev.engram.store.neo4j;

import dev.engram.core.ingest.EmbeddingSpace;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Constraints and indexes of the episode graph, and the embedding space the vectors belong to.
 * The vector index is created once the embedding dimension is known and rebuilt on a model
 * change; it carries org and project so that vector search filters by scope inside the index,
 * and it is not quantized (Lucene keeps the raw vectors anyway; quantizing cost about 6 ms per
 * insert on 2 cores). The full-text index is eventually consistent (a synchronous one cost about
 * 11 ms per commit); {@link TextIndexFreshness} restores read-your-writes for search.
 */
final class EpisodeSchema {
    static final String FULLTEXT_INDEX = "episode_text";
    static final String VECTOR_INDEX = "episode_vectors";
    /** Default Lucene analyzer of the full-text index: English stemming and stop words. */
    static final String ANALYZER = "english";
    /** Bumped whenever {@link #ensure} creates something new; a store at this version skips the DDL. */
    static final long VERSION = 2;

    private final Neo4jDatabase database;
    private final String analyzer;
    private final boolean speakerInText;

    EpisodeSchema(Neo4jDatabase database, String analyzer, boolean speakerInText) {
        this.database = database;
        this.analyzer = analyzer;
        this.speakerInText = speakerInText;
    }

    void ensure() {
        long stored = storedVersion();
        if (stored == VERSION) {
            ensureAnalyzer();
            ensureTextForm();
            return;
        }
        if (stored >= 0 && stored < 2) {
            // version 1 indexes were synchronous and quantized; rebuilt with the current options
            database.schema("DROP INDEX " + FULLTEXT_INDEX + " IF EXISTS", Map.of());
            database.schema("DROP INDEX " + VECTOR_INDEX + " IF EXISTS", Map.of());
        }
        database.schema("CREATE CONSTRAINT episode_uid IF NOT EXISTS FOR (e:Episode) REQUIRE e.uid IS UNIQUE", Map.of());
        database.schema("""
                CREATE INDEX episode_scope_time IF NOT EXISTS
                FOR (e:Episode) ON (e.org_id, e.project_id, e.created_at)""", Map.of());
        database.schema("""
                CREATE CONSTRAINT project_scope IF NOT EXISTS
                FOR (p:Project) REQUIRE (p.org_id, p.project_id) IS UNIQUE""", Map.of());
        database.schema("CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:EngramMeta) REQUIRE m.key IS UNIQUE", Map.of());
        database.schema("""
                CREATE FULLTEXT INDEX episode_text IF NOT EXISTS
                FOR (e:Episode) ON EACH [e.indexed_text, e.scope_token]
                OPTIONS {indexConfig: {`fulltext.analyzer`: $analyzer, `fulltext.eventually_consistent`: true}}""",
                Map.of("analyzer", analyzer));
        embeddingSpace().ifPresent(this::createVectorIndex);
        database.awaitIndexes(Duration.ofMinutes(10));
        database.write(tx -> {
            tx.execute("MERGE (m:EngramMeta {key: 'store'}) SET m.schema_version = $version",
                    Map.of("version", VERSION)).close();
            return null;
        });
        ensureAnalyzer();
        ensureTextForm();
    }

    /**
     * Keeps every episode's indexed text in the configured form ({@code index.speaker}): after a
     * change the texts are rewritten in batches and their vectors cleared, so that re-embedding
     * (at open, or in the app's background) gives them vectors of the new text; a run cut short
     * resumes, since what is rewritten is found by its text. A store that never recorded its form
     * was built with the text alone.
     */
    private void ensureTextForm() {
        String form = speakerInText ? "speaker" : "content";
        String current = database.read(tx -> StoreMeta.get(tx, "text_form").map(Object::toString).orElse(null));
        if (form.equals(current) || (current == null && !speakerInText)) {
            if (current == null) {
                recordTextForm(form);
            }
            return;
        }
        long rewritten;
        long total = 0;
        do {
            rewritten = database.write(tx -> {
                // an episode stored once (no content property) is read in its old form and marked in its new one
                try (var result = tx.execute("""
                        MATCH (e:Episode)
                        WITH e, %s AS content
                        WITH e, CASE WHEN $speaker THEN e.producer + ': ' + content ELSE content END AS text
                        WHERE e.indexed_text <> text
                        WITH e, text LIMIT 5000
                        SET e.indexed_text = text, e.text_form = CASE WHEN e.content IS NULL AND $speaker THEN $form END
                        REMOVE e.embedding
                        RETURN count(*) AS n""".formatted(StoredContent.cypher("e")), Map.of("speaker", speakerInText,
                        "form", StoredContent.SPEAKER))) {
                    return (Long) result.next().get("n");
                }
            });
            total += rewritten;
        } while (rewritten > 0);
        if (total > 0) {
            database.write(tx -> {
                tx.execute("MERGE (m:EngramMeta {key: 'store'}) SET m.reembedding = true").close();
                return null;
            });
        }
        recordTextForm(form);
    }

    private void recordTextForm(String form) {
        database.write(tx -> {
            StoreMeta.set(tx, Map.of("text_form", form));
            return null;
        });
    }

    /**
     * Rebuilds the full-text index when the configured analyzer is not the one it was built with
     * (Neo4j fills a new index from the stored text in the background; search waits for it).
     */
    private void ensureAnalyzer() {
        String current = database.read(tx -> StoreMeta.fulltextAnalyzer(tx, FULLTEXT_INDEX).orElse(null));
        if (analyzer.equals(current)) {
            return;
        }
        java.util.List<String> available = database.read(tx -> {
            try (var result = tx.execute("CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer")) {
                java.util.List<String> names = new java.util.ArrayList<>();
                result.forEachRemaining(row -> names.add((String) row.get("analyzer")));
                return names;
            }
        });
        if (!available.contains(analyzer)) {
            throw new IllegalArgumentException("unknown full-text analyzer '" + analyzer + "' (index.analyzer); available: "
                    + available.stream().sorted().toList());
        }
        database.schema("DROP INDEX " + FULLTEXT_INDEX + " IF EXISTS", Map.of());
        database.schema("""
                CREATE FULLTEXT INDEX episode_text IF NOT EXISTS
                FOR (e:Episode) ON EACH [e.indexed_text, e.scope_token]
                OPTIONS {indexConfig: {`fulltext.analyzer`: $analyzer, `fulltext.eventually_consistent`: true}}""",
                Map.of("analyzer", analyzer));
        database.awaitIndexes(Duration.ofMinutes(10));
    }

    private long storedVersion() {
        return database.read(tx -> StoreMeta.get(tx, "schema_version").map(v -> ((Number) v).longValue()).orElse(-1L));
    }

    Optional<EmbeddingSpace> embeddingSpace() {
        return database.read(tx -> StoreMeta.get(tx, "embedding_model").map(model -> new EmbeddingSpace(
                model.toString(), ((Number) StoreMeta.get(tx, "embedding_dimension").orElseThrow()).intValue())));
    }

    /** Records the new space, clears every vector (in batches) and rebuilds the vector index. */
    void reset(EmbeddingSpace space) {
        database.schema("DROP INDEX " + VECTOR_INDEX + " IF EXISTS", Map.of());
        long cleared;
        do {
            cleared = database.write(tx -> {
                try (var result = tx.execute("""
                        MATCH (e:Episode) WHERE e.embedding IS NOT NULL
                        WITH e LIMIT 10000
                        REMOVE e.embedding
                        RETURN count(*) AS n""")) {
                    return (Long) result.next().get("n");
                }
            });
        } while (cleared > 0);
        database.write(tx -> {
            tx.execute("""
                    MERGE (m:EngramMeta {key: 'store'})
                    SET m.embedding_model = $model, m.embedding_dimension = $dimension, m.reembedding = true""",
                    Map.of("model", space.modelId(), "dimension", space.dimension())).close();
            return null;
        });
        createVectorIndex(space);
        database.awaitIndexes(Duration.ofMinutes(10));
    }

    private void createVectorIndex(EmbeddingSpace space) {
        // The dimension comes from the embedding model, never from a request.
        database.schema("""
                CREATE VECTOR INDEX episode_vectors IF NOT EXISTS
                FOR (e:Episode) ON e.embedding
                WITH [e.org_id, e.project_id]
                OPTIONS {indexConfig: {`vector.dimensions`: %d, `vector.similarity_function`: 'cosine',
                                       `vector.quantization.enabled`: false}}"""
                .formatted(space.dimension()), Map.of());
    }
}
