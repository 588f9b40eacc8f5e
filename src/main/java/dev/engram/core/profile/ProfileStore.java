package dev.engram.core.profile;

import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.VectorMaintenance;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where profile facts live. Every call names a scope and never reads or changes another scope's
 * facts; an id from another scope is "not found". Every change writes a history row in the same
 * transaction. {@code indexedText} is the text the {@code vector} was computed from; the store
 * keeps it so that a model change can re-embed ({@link VectorMaintenance}).
 */
public interface ProfileStore extends VectorMaintenance {

    ProfileFact add(Scope scope, NewFact fact, String indexedText, float[] vector, String actor);

    Optional<ProfileFact> get(Scope scope, long id);

    /**
     * Applies the patch. A changed value closes the old one as a {@link FactVersion}
     * (valid until now) and starts the new one. {@code indexedText}/{@code vector} are null when
     * the patch does not change the embedded text. Throws NotFoundException for an unknown id.
     */
    ProfileFact update(Scope scope, long id, FactPatch patch, String indexedText, float[] vector, String actor);

    /** Archives or restores; throws NotFoundException for an unknown id. */
    ProfileFact setStatus(Scope scope, long id, FactStatus status, String actor);

    /** Deletes all or none: an unknown id throws NotFoundException naming it and changes nothing. */
    void delete(Scope scope, Collection<Long> ids, String actor);

    /** Facts of the scope that pass the filter, oldest first (created_at, id). */
    List<ProfileFact> list(Scope scope, Filter filter, PageRequest page, boolean includeArchived);

    long count(Scope scope, Filter filter, boolean includeArchived);

    /** Active facts of the scope that pass the filter, most similar to the query vector first. */
    List<ScoredFact> search(Scope scope, float[] query, Filter filter, int topK);

    /** History rows of a fact (also after it was deleted), oldest first. */
    List<FactChange> history(Scope scope, long id);

    /** Superseded values of a fact, oldest first. */
    List<FactVersion> versions(Scope scope, long id);

    /** The scope's facts (archived too) that cite the episode, oldest first. */
    List<ProfileFact> citing(Scope scope, long episodeUid);

    /** Removes citations of these episodes from the scope's facts; returns how many facts changed. */
    int removeCitations(Scope scope, Collection<Long> episodeUids, String actor);

    /**
     * Stores an imported fact as it was: status, validity, times, source, citations (already
     * mapped to this store's episodes), metadata, superseded values and history rows. Returns it
     * with its new id (history rows name the new id).
     */
    ProfileFact importFact(Scope scope, FactRecord fact, String indexedText, float[] vector);

    /**
     * Overwrites fact {@code id} with an imported state (content, status, validity, source,
     * citations, metadata and superseded values); it keeps its id and creation time, and one
     * {@code update} history row by {@code actor} records the change. NotFoundException if unknown.
     */
    ProfileFact replaceFact(Scope scope, long id, FactRecord fact, String indexedText, float[] vector, String actor);

    /** Deletes every fact, version, citation and history row of the scope; returns the fact count. */
    long deleteAll(Scope scope);
}
