package dev.engram.store.h2;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.profile.FactAction;
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
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@link ProfileStore} on an embedded H2 database. Every call is one short transaction whose
 * statements all restrict to the scope, so an id of another scope is simply not found. Every
 * change writes its history row in the same transaction. Times come from the clock, truncated
 * to microseconds (the column precision) so that returned facts equal what is read back later.
 */
public final class H2ProfileStore implements ProfileStore {
    private final Transactions tx;
    private final Clock clock;
    private final FactReads reads = new FactReads();
    private final FactWrites writes = new FactWrites();
    private final FactHistoryLog history = new FactHistoryLog();
    private final EmbeddingSpaces spaces = new EmbeddingSpaces();

    public H2ProfileStore(H2Database database) {
        this(database, Clock.systemUTC());
    }

    public H2ProfileStore(H2Database database, Clock clock) {
        this.tx = new Transactions(Objects.requireNonNull(database, "database"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProfileFact add(Scope scope, NewFact fact, String indexedText, float[] vector, String actor) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(indexedText, "indexedText");
        requireActor(actor);
        return tx.write(c -> {
            spaces.requireFits(c, vector);
            Instant now = now();
            long id = writes.insert(c, scope, fact, indexedText, vector, now);
            ProfileFact added = reads.byId(c, scope, id, false).orElseThrow();
            history.record(c, scope, id, FactAction.ADD, null, added, actor, now);
            return added;
        });
    }

    @Override
    public Optional<ProfileFact> get(Scope scope, long id) {
        Objects.requireNonNull(scope, "scope");
        return tx.read(c -> reads.byId(c, scope, id, false));
    }

    /**
     * Applies the patch; a patch that changes nothing is a no-op (no history row). Metadata, when
     * given, replaces the whole map. Changed category, tag, feature or value keep the old content
     * as a version; they need {@code indexedText} (the vector may be null: stale until re-embedded).
     */
    @Override
    public ProfileFact update(Scope scope, long id, FactPatch patch, String indexedText, float[] vector,
                              String actor) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(patch, "patch");
        requireActor(actor);
        return tx.write(c -> {
            ProfileFact before = reads.byId(c, scope, id, true).orElseThrow(() -> notFound(scope, List.of(id)));
            ProfileFact patched = FactPatching.apply(before, patch);
            boolean contentChanged = FactPatching.contentDiffers(before, patched);
            boolean metadataChanged = !before.metadata().equals(patched.metadata());
            java.util.List<Long> newCitations = patched.citations().stream()
                    .filter(uid -> !before.citations().contains(uid)).toList();
            if (!contentChanged && !metadataChanged && newCitations.isEmpty()) {
                return before;
            }
            if (contentChanged && indexedText == null) {
                throw new IllegalArgumentException("a patch that changes category, tag, feature or value needs"
                        + " the new indexed text");
            }
            spaces.requireFits(c, vector);
            Instant now = now();
            if (contentChanged) {
                writes.insertVersion(c, before, now);
            }
            writes.updateContent(c, FactPatching.validFrom(patched, contentChanged ? now : before.validFrom()), now);
            if (indexedText != null) {
                writes.updateEmbedding(c, scope, id, indexedText, vector);
            }
            if (metadataChanged) {
                writes.replaceMetadata(c, scope, id, patched.metadata());
            }
            writes.addCitations(c, id, newCitations);
            ProfileFact after = reads.byId(c, scope, id, false).orElseThrow();
            history.record(c, scope, id, FactAction.UPDATE, before, after, actor, now);
            return after;
        });
    }

    /** Archives (valid until now) or restores; setting the status a fact already has is a no-op. */
    @Override
    public ProfileFact setStatus(Scope scope, long id, FactStatus status, String actor) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        requireActor(actor);
        return tx.write(c -> {
            ProfileFact before = reads.byId(c, scope, id, true).orElseThrow(() -> notFound(scope, List.of(id)));
            if (before.status() == status) {
                return before;
            }
            Instant now = now();
            boolean archive = status == FactStatus.ARCHIVED;
            writes.setStatus(c, scope, id, status, archive ? now : null, now);
            ProfileFact after = reads.byId(c, scope, id, false).orElseThrow();
            history.record(c, scope, id, archive ? FactAction.ARCHIVE : FactAction.RESTORE, before, after, actor, now);
            return after;
        });
    }

    @Override
    public void delete(Scope scope, Collection<Long> ids, String actor) {
        Objects.requireNonNull(scope, "scope");
        requireActor(actor);
        Set<Long> wanted = new TreeSet<>(ids);
        if (wanted.isEmpty()) {
            return;
        }
        tx.write(c -> {
            List<ProfileFact> found = reads.byIds(c, scope, wanted, true);
            if (found.size() != wanted.size()) {
                found.forEach(f -> wanted.remove(f.id()));
                throw notFound(scope, wanted);
            }
            Instant now = now();
            for (ProfileFact fact : found) {
                history.record(c, scope, fact.id(), FactAction.DELETE, fact, null, actor, now);
            }
            return writes.delete(c, scope, found.stream().map(ProfileFact::id).toList());
        });
    }

    @Override
    public List<ProfileFact> list(Scope scope, Filter filter, PageRequest page, boolean includeArchived) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(page, "page");
        SqlPredicate predicate = H2FilterCompiler.compile(filter);
        return tx.read(c -> reads.list(c, scope, predicate, page, includeArchived));
    }

    @Override
    public long count(Scope scope, Filter filter, boolean includeArchived) {
        Objects.requireNonNull(scope, "scope");
        SqlPredicate predicate = H2FilterCompiler.compile(filter);
        return tx.read(c -> reads.count(c, scope, predicate, includeArchived));
    }

    @Override
    public List<ScoredFact> search(Scope scope, float[] query, Filter filter, int topK) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(query, "query");
        SqlPredicate predicate = H2FilterCompiler.compile(filter);
        if (topK < 1) {
            return List.of();
        }
        return tx.read(c -> {
            spaces.requireFits(c, query);
            return reads.search(c, scope, query, predicate, topK);
        });
    }

    @Override
    public List<FactChange> history(Scope scope, long id) {
        Objects.requireNonNull(scope, "scope");
        return tx.read(c -> history.read(c, scope, id));
    }

    /** Superseded contents, oldest first; empty for an id unknown in the scope. */
    @Override
    public List<FactVersion> versions(Scope scope, long id) {
        Objects.requireNonNull(scope, "scope");
        return tx.read(c -> reads.versions(c, scope, id));
    }

    @Override
    public List<ProfileFact> citing(Scope scope, long episodeUid) {
        Objects.requireNonNull(scope, "scope");
        return tx.read(c -> reads.byIds(c, scope, reads.citing(c, scope, List.of(episodeUid)), false));
    }

    /** Citations are provenance, not content: the facts keep their updated_at and valid_from. */
    @Override
    public int removeCitations(Scope scope, Collection<Long> episodeUids, String actor) {
        Objects.requireNonNull(scope, "scope");
        requireActor(actor);
        Set<Long> uids = new TreeSet<>(episodeUids);
        if (uids.isEmpty()) {
            return 0;
        }
        return tx.write(c -> {
            List<Long> citing = reads.citing(c, scope, uids);
            List<ProfileFact> before = reads.byIds(c, scope, citing, true);
            writes.removeCitations(c, scope, uids);
            Map<Long, ProfileFact> after = reads.byIds(c, scope, citing, false).stream()
                    .collect(Collectors.toMap(ProfileFact::id, f -> f));
            Instant now = now();
            for (ProfileFact fact : before) {
                history.record(c, scope, fact.id(), FactAction.UNCITE, fact, after.get(fact.id()), actor, now);
            }
            return before.size();
        });
    }

    @Override
    public ProfileFact importFact(Scope scope, FactRecord record, String indexedText, float[] vector) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(indexedText, "indexedText");
        return tx.write(c -> {
            spaces.requireFits(c, vector);
            long id = writes.insertAsIs(c, scope, record.fact(), indexedText, vector);
            writes.insertVersions(c, id, record.versions());
            for (FactChange change : record.history()) {
                history.record(c, scope, id, change.action(), change.before(), change.after(), change.actor(),
                        change.at());
            }
            return reads.byId(c, scope, id, false).orElseThrow();
        });
    }

    @Override
    public ProfileFact replaceFact(Scope scope, long id, FactRecord record, String indexedText, float[] vector,
                                   String actor) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(indexedText, "indexedText");
        requireActor(actor);
        return tx.write(c -> {
            ProfileFact before = reads.byId(c, scope, id, true).orElseThrow(() -> notFound(scope, List.of(id)));
            spaces.requireFits(c, vector);
            Instant now = now();
            writes.overwrite(c, scope, id, record.fact(), indexedText, vector, now);
            writes.insertVersions(c, id, record.versions());
            ProfileFact after = reads.byId(c, scope, id, false).orElseThrow();
            history.record(c, scope, id, FactAction.UPDATE, before, after, actor, now);
            return after;
        });
    }

    @Override
    public long deleteAll(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return tx.write(c -> {
            long deleted = writes.deleteAll(c, scope);
            history.deleteAll(c, scope);
            return deleted;
        });
    }

    @Override
    public Optional<EmbeddingSpace> embeddingSpace() {
        return tx.read(spaces::current);
    }

    @Override
    public void resetEmbeddingSpace(EmbeddingSpace space) {
        Objects.requireNonNull(space, "space");
        tx.write(c -> {
            spaces.reset(c, space);
            return null;
        });
    }

    @Override
    public Map<Long, String> staleEmbeddings(int limit) {
        if (limit < 1) {
            return Map.of();
        }
        return tx.read(c -> spaces.stale(c, limit));
    }

    /** Fills stale vectors; a fact re-embedded by an update meanwhile keeps its newer vector. */
    @Override
    public void storeEmbeddings(Map<Long, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        tx.write(c -> {
            spaces.store(c, vectors);
            return null;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every change needs an actor (user, api, cli, llm:<model>)");
        }
    }

    private static NotFoundException notFound(Scope scope, Collection<Long> ids) {
        String listed = ids.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
                + (ids.size() > 20 ? " and " + (ids.size() - 20) + " more" : "");
        return new NotFoundException((ids.size() == 1 ? "Fact " + listed + " does not" : "Facts " + listed + " do not")
                + " exist in " + scope.key());
    }
}
