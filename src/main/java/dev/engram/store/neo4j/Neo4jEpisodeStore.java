package dev.engram.store.neo4j;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeDraft;
import dev.engram.core.episode.EpisodeRevision;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.Hit;
import dev.engram.core.episode.Neighbours;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** {@link EpisodeStore} on embedded Neo4j: episodes as nodes, time-ordered {@code NEXT} chains. */
public final class Neo4jEpisodeStore implements EpisodeStore {
    private final EpisodeSchema schema;
    private final EpisodeWriter writer;
    private final EpisodeQueries queries;
    private final VectorSearch vectors;
    private final AtomicReference<Optional<EmbeddingSpace>> space;

    public Neo4jEpisodeStore(Neo4jDatabase database) {
        this(database, EpisodeSchema.ANALYZER, false);
    }

    /**
     * {@code analyzer}: the Lucene analyzer of the full-text index (a Neo4j analyzer name such as
     * {@code english} or {@code standard}); a store built with another one is re-indexed.
     * {@code speakerInText}: whether indexed texts read "producer: content" ({@code index.speaker});
     * a store in the other form has its texts rewritten and marked for re-embedding.
     */
    public Neo4jEpisodeStore(Neo4jDatabase database, String analyzer, boolean speakerInText) {
        TextIndexFreshness freshness = new TextIndexFreshness(database);
        this.schema = new EpisodeSchema(database, analyzer, speakerInText);
        this.writer = new EpisodeWriter(database, new UidAllocator(database), freshness);
        NodeLocator locator = new NodeLocator();
        this.queries = new EpisodeQueries(database, freshness, locator);
        this.vectors = new VectorSearch(database, locator);
        schema.ensure();
        this.space = new AtomicReference<>(schema.embeddingSpace());
    }

    @Override
    public List<Episode> append(Scope scope, List<EpisodeDraft> drafts) {
        return writer.append(scope, drafts);
    }

    @Override
    public Optional<Episode> get(Scope scope, long uid) {
        return queries.get(scope, uid);
    }

    @Override
    public List<Episode> getAll(Scope scope, List<Long> uids) {
        return queries.getAll(scope, uids);
    }

    @Override
    public List<Episode> list(Scope scope, Filter filter, PageRequest page, Order order) {
        return queries.list(scope, filter, page, order);
    }

    @Override
    public List<Episode> producedAfter(Scope scope, String producer, long afterUid, int limit) {
        return queries.producedAfter(scope, producer, afterUid, limit);
    }

    @Override
    public List<Episode> listByUid(Scope scope, Filter filter, long afterUid, int limit) {
        return queries.listByUid(scope, filter, afterUid, limit);
    }

    @Override
    public Map<Long, List<EpisodeRevision>> revisionsOf(Scope scope, Collection<Long> uids) {
        return uids.isEmpty() ? Map.of() : queries.revisionsOf(scope, uids);
    }

    @Override
    public boolean replaceMetadata(Scope scope, long uid, Map<String, String> metadata) {
        return writer.replaceMetadata(scope, uid, metadata);
    }

    @Override
    public long count(Scope scope, Filter filter) {
        return queries.count(scope, filter);
    }

    @Override
    public List<Hit> searchText(Scope scope, String query, Filter filter, int limit) {
        return queries.searchText(scope, query, filter, limit);
    }

    @Override
    public List<Hit> searchVector(Scope scope, float[] vector, Filter filter, int limit) {
        Optional<EmbeddingSpace> current = space.get();
        if (current.isEmpty() || current.get().dimension() != vector.length) {
            return List.of();
        }
        return vectors.search(scope, vector, filter, limit);
    }

    @Override
    public List<dev.engram.core.episode.TimelineLink> links(Scope scope, Collection<Long> uids, Filter filter) {
        return queries.links(scope, uids, filter);
    }

    @Override
    public Neighbours neighbours(Scope scope, long uid, int before, int after, Filter filter) {
        return queries.neighbours(scope, uid, before, after, filter);
    }

    @Override
    public java.util.SortedMap<java.time.LocalDate, Long> countsByDay(Scope scope, Filter filter, java.time.ZoneId zone) {
        return queries.countsByDay(scope, filter, zone);
    }

    @Override
    public List<String> participants(Scope scope, int limit) {
        return queries.participants(scope, limit);
    }

    @Override
    public Optional<Episode> updateContent(Scope scope, long uid, String content, String indexedText,
                                           float[] vector, Instant at) {
        return writer.updateContent(scope, uid, content, indexedText, vector, at);
    }

    @Override
    public List<EpisodeRevision> revisions(Scope scope, long uid) {
        return queries.revisions(scope, uid);
    }

    @Override
    public void delete(Scope scope, Collection<Long> uids) {
        writer.delete(scope, uids);
    }

    @Override
    public long deleteAll(Scope scope) {
        return writer.deleteAll(scope);
    }

    @Override
    public Optional<EmbeddingSpace> embeddingSpace() {
        return space.get();
    }

    @Override
    public void resetEmbeddingSpace(EmbeddingSpace newSpace) {
        schema.reset(newSpace);
        space.set(Optional.of(newSpace));
    }

    @Override
    public Map<Long, String> staleEmbeddings(int limit) {
        return queries.staleEmbeddings(limit);
    }

    @Override
    public void storeEmbeddings(Map<Long, float[]> vectors) {
        queries.storeEmbeddings(vectors);
    }

    @Override
    public long totalCount() {
        return queries.totalCount();
    }
}
