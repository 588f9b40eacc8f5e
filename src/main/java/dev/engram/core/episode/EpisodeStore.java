package dev.engram.core.episode;

import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where episodes live. Every call names a scope and never sees another scope's episodes; every
 * call is one short transaction. Filters arrive parsed and are compiled to parameterized
 * queries by the adapter.
 */
public interface EpisodeStore {

    /** Stores the drafts in one transaction, in order, and returns them with their new uids. */
    List<Episode> append(Scope scope, List<EpisodeDraft> drafts);

    Optional<Episode> get(Scope scope, long uid);

    /** The episodes with these uids in the scope, in the order asked, skipping unknown uids. */
    List<Episode> getAll(Scope scope, List<Long> uids);

    List<Episode> list(Scope scope, Filter filter, PageRequest page, Order order);

    long count(Scope scope, Filter filter);

    /** Full-text (BM25) hits for any of the terms, best first. Terms are plain words. */
    List<Hit> searchText(Scope scope, List<String> terms, Filter filter, int limit);

    /** Nearest episodes by embedding similarity, best first. */
    List<Hit> searchVector(Scope scope, float[] vector, Filter filter, int limit);

    /** Up to {@code before}/{@code after} episodes around {@code uid} that pass the filter. */
    Neighbours neighbours(Scope scope, long uid, int before, int after, Filter filter);

    /** Replaces the content (keeping the old text as a revision); empty when the uid is unknown. */
    Optional<Episode> updateContent(Scope scope, long uid, String content, String indexedText,
                                    float[] vector, Instant at);

    /** Earlier texts of the episode, oldest first. */
    List<EpisodeRevision> revisions(Scope scope, long uid);

    /**
     * Deletes all the episodes or none: if any uid is unknown in the scope, throws
     * {@link dev.engram.core.NotFoundException} naming it and changes nothing.
     */
    void delete(Scope scope, Collection<Long> uids);

    /** Deletes every episode of the scope; returns how many. */
    long deleteAll(Scope scope);

    // --- embedding space maintenance -------------------------------------------------

    /** The model whose vectors the store holds, or empty for a new store. */
    Optional<EmbeddingSpace> embeddingSpace();

    /**
     * Switches the store to a new embedding space: records it, drops the vector index and marks
     * every episode's vector stale. Search keeps working on full text until vectors are back.
     */
    void resetEmbeddingSpace(EmbeddingSpace space);

    /** Episodes whose vector is stale, as uid to indexed text, at most {@code limit}. */
    Map<Long, String> staleEmbeddings(int limit);

    void storeEmbeddings(Map<Long, float[]> vectors);

    /** Number of episodes in the whole store, across scopes. */
    long totalCount();
}
