package dev.engram.core.memory;

import dev.engram.core.NotFoundException;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ProfileStore;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.util.Collection;
import java.util.List;

/** Profile (semantic) memory use cases: add, correct, archive and find lasting facts. */
public final class ProfileMemory {
    private final ProfileStore store;
    private final Embedder embedder;

    public ProfileMemory(ProfileStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** The text a fact is embedded from: its feature (words, not snake_case) and value. */
    public static String indexedText(String feature, String value) {
        return feature.replace('_', ' ') + ": " + value;
    }

    public ProfileFact add(Scope scope, NewFact fact, String actor) {
        String text = indexedText(fact.feature(), fact.value());
        return store.add(scope, fact, text, embedder.embed(text), actor);
    }

    /** Stores an imported fact as it was (see {@link ProfileStore#importFact}), embedding it here. */
    public ProfileFact importFact(Scope scope, FactRecord record) {
        String text = indexedText(record.fact().feature(), record.fact().value());
        return store.importFact(scope, record, text, embedder.embed(text));
    }

    /** Overwrites a fact with an imported state (see {@link ProfileStore#replaceFact}). */
    public ProfileFact replaceFact(Scope scope, long id, FactRecord record, String actor) {
        String text = indexedText(record.fact().feature(), record.fact().value());
        return store.replaceFact(scope, id, record, text, embedder.embed(text), actor);
    }

    public ProfileFact get(Scope scope, long id) {
        return store.get(scope, id).orElseThrow(() -> notFound(scope, id));
    }

    public ProfileFact update(Scope scope, long id, FactPatch patch, String actor) {
        ProfileFact current = get(scope, id);
        if (!patch.changesIndexedText()) {
            return store.update(scope, id, patch, null, null, actor);
        }
        String feature = patch.feature() != null ? patch.feature() : current.feature();
        String value = patch.value() != null ? patch.value() : current.value();
        String text = indexedText(feature, value);
        return store.update(scope, id, patch, text, embedder.embed(text), actor);
    }

    public ProfileFact archive(Scope scope, long id, String actor) {
        return store.setStatus(scope, id, FactStatus.ARCHIVED, actor);
    }

    public ProfileFact restore(Scope scope, long id, String actor) {
        return store.setStatus(scope, id, FactStatus.ACTIVE, actor);
    }

    public List<ScoredFact> search(Scope scope, String query, Filter filter, int topK) {
        return search(scope, new dev.engram.core.ingest.QueryVector(embedder, query), filter, topK);
    }

    /** As above, with a query vector the caller shares with other searches (embedded once). */
    public List<ScoredFact> search(Scope scope, dev.engram.core.ingest.QueryVector query, Filter filter, int topK) {
        if (query.query().isBlank() || topK == 0) {
            return List.of();
        }
        return store.search(scope, query.get(), filter, topK);
    }

    /** Deletes all the facts or none (an unknown id is NotFoundException). */
    public void delete(Scope scope, Collection<Long> ids, String actor) {
        store.delete(scope, ids, actor);
    }

    public List<FactChange> history(Scope scope, long id) {
        List<FactChange> history = store.history(scope, id);
        if (history.isEmpty()) {
            throw notFound(scope, id);
        }
        return history;
    }

    /** The scope's facts (archived ones too when asked), oldest first, at most {@code limit}. */
    public List<ProfileFact> list(Scope scope, boolean includeArchived, int limit) {
        return store.list(scope, Filter.all(), new dev.engram.core.episode.PageRequest(limit, 0), includeArchived);
    }

    /** The active facts of one set and category, oldest first (what extraction shows the model). */
    public List<ProfileFact> active(Scope scope, String setId, String category) {
        return list(scope, false, dev.engram.core.episode.PageRequest.MAX_SIZE).stream()
                .filter(f -> f.setId().equals(setId) && f.category().equals(category)).toList();
    }

    /** Number of active facts of the scope. */
    public long count(Scope scope) {
        return store.count(scope, Filter.all(), false);
    }

    /** Facts that cite an episode (the provenance view of the timeline). */
    public List<ProfileFact> citing(Scope scope, long episodeUid) {
        return store.citing(scope, episodeUid);
    }

    public List<FactVersion> versions(Scope scope, long id) {
        get(scope, id);
        return store.versions(scope, id);
    }

    private static NotFoundException notFound(Scope scope, long id) {
        return new NotFoundException("Fact " + id + " not found in " + scope);
    }
}
