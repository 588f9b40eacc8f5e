package dev.engram.core.episode;

import dev.engram.core.ingest.VectorMaintenance;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where episodes live. Every call names a scope and never sees another scope's episodes; every
 * call is one short transaction. Filters arrive parsed and are compiled to parameterized
 * queries by the adapter.
 */
public interface EpisodeStore extends VectorMaintenance {

    /**
     * Stores the drafts in one transaction, in order, and returns them with their new uids; the
     * scope's project is created in that transaction if it does not exist yet. A draft that
     * carries a uid keeps it (a restore into an empty store); later uids are allocated above it.
     * A draft's revisions are stored as its earlier texts.
     */
    List<Episode> append(Scope scope, List<EpisodeDraft> drafts);

    /**
     * Up to {@code limit} episodes of the scope that pass the filter with a uid above
     * {@code afterUid}, by uid: a walk that sees every episode present when it started once,
     * however many are added meanwhile (new uids are always higher).
     */
    List<Episode> listByUid(Scope scope, Filter filter, long afterUid, int limit);

    /** Earlier texts of these episodes of the scope, oldest first; episodes without any are absent. */
    java.util.Map<Long, List<EpisodeRevision>> revisionsOf(Scope scope, Collection<Long> uids);

    /** Replaces an episode's metadata (all of it); false when the uid is unknown in the scope. */
    boolean replaceMetadata(Scope scope, long uid, java.util.Map<String, String> metadata);

    Optional<Episode> get(Scope scope, long uid);

    /** The episodes with these uids in the scope, in the order asked, skipping unknown uids. */
    List<Episode> getAll(Scope scope, List<Long> uids);

    List<Episode> list(Scope scope, Filter filter, PageRequest page, Order order);

    long count(Scope scope, Filter filter);

    /**
     * The producer's episodes in the scope with a uid above {@code afterUid}, in uid (arrival)
     * order, at most {@code limit}: what short-term memory has not folded into its summary yet.
     */
    List<Episode> producedAfter(Scope scope, String producer, long afterUid, int limit);

    /**
     * Full-text (BM25) hits for the words of {@code query}, best first. The query is free text:
     * the adapter escapes it, so no character in it has a special meaning.
     */
    List<Hit> searchText(Scope scope, String query, Filter filter, int limit);

    /** Nearest episodes by embedding similarity, best first; the score is the cosine similarity. */
    List<Hit> searchVector(Scope scope, float[] vector, Filter filter, int limit);

    /**
     * The timeline places of these episodes and of their direct neighbours that pass the filter
     * (each once, unknown uids skipped, in no order): one read for a whole candidate list.
     */
    List<TimelineLink> links(Scope scope, Collection<Long> uids, Filter filter);

    /** Up to {@code before}/{@code after} episodes around {@code uid} that pass the filter. */
    Neighbours neighbours(Scope scope, long uid, int before, int after, Filter filter);

    /** How many episodes that pass the filter fall on each day (in {@code zone}), days in order. */
    java.util.SortedMap<java.time.LocalDate, Long> countsByDay(Scope scope, Filter filter, java.time.ZoneId zone);

    /** The people in the scope: every producer and produced_for value, sorted, at most {@code limit}. */
    List<String> participants(Scope scope, int limit);

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

    /** Number of episodes in the whole store, across scopes. */
    long totalCount();
}
