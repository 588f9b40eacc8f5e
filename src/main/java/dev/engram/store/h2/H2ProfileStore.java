package dev.engram.store.h2;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ProfileStore;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ProfileStore} on embedded H2: one short transaction per call, scope on every query. */
public final class H2ProfileStore implements ProfileStore {
    private final H2Database db;
    private final Clock clock;
    private final FactWriter writer = new FactWriter();

    public H2ProfileStore(H2Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public ProfileFact add(Scope scope, NewFact fact, String indexedText, float[] vector, String actor) {
        Instant now = now();
        return db.transaction(c -> {
            long id = writer.insert(c, scope, fact, indexedText, vector, now);
            ProfileFact added = load(c, scope, id).orElseThrow();
            FactHistory.record(c, scope, id, FactAction.ADD, null, added, actor, now);
            return added;
        });
    }

    @Override
    public Optional<ProfileFact> get(Scope scope, long id) {
        return db.transaction(c -> load(c, scope, id));
    }

    @Override
    public ProfileFact update(Scope scope, long id, FactPatch patch, String indexedText, float[] vector, String actor) {
        Instant now = now();
        return db.transaction(c -> {
            ProfileFact before = load(c, scope, id).orElseThrow(() -> notFound(scope, List.of(id)));
            writer.update(c, before, patch, indexedText, vector, now);
            ProfileFact after = load(c, scope, id).orElseThrow();
            FactHistory.record(c, scope, id, FactAction.UPDATE, before, after, actor, now);
            return after;
        });
    }

    @Override
    public ProfileFact setStatus(Scope scope, long id, FactStatus status, String actor) {
        Instant now = now();
        return db.transaction(c -> {
            ProfileFact before = load(c, scope, id).orElseThrow(() -> notFound(scope, List.of(id)));
            if (before.status() == status) {
                return before;
            }
            writer.setStatus(c, id, status, now);
            ProfileFact after = load(c, scope, id).orElseThrow();
            FactHistory.record(c, scope, id, status == FactStatus.ARCHIVED ? FactAction.ARCHIVE : FactAction.RESTORE,
                    before, after, actor, now);
            return after;
        });
    }

    @Override
    public void delete(Scope scope, Collection<Long> ids, String actor) {
        Instant now = now();
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(ids));
        db.transaction(c -> {
            List<ProfileFact> found = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            for (long id : wanted) {
                load(c, scope, id).ifPresentOrElse(found::add, () -> missing.add(id));
            }
            if (!missing.isEmpty()) {
                throw notFound(scope, missing);
            }
            for (ProfileFact fact : found) {
                FactHistory.record(c, scope, fact.id(), FactAction.DELETE, fact, null, actor, now);
                try (PreparedStatement s = c.prepareStatement("DELETE FROM fact WHERE id = ?")) {
                    s.setLong(1, fact.id());
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<ProfileFact> list(Scope scope, Filter filter, PageRequest page, boolean includeArchived) {
        List<Object> params = scoped(scope);
        String predicate = H2FilterCompiler.compile(filter, params);
        params.add(page.size());
        params.add(page.offset());
        return db.transaction(c -> FactRows.complete(c, rows(c, "SELECT " + FactRows.COLUMNS
                + " FROM fact f WHERE f.org_id = ? AND f.project_id = ? " + statusClause(includeArchived)
                + " AND " + predicate + " ORDER BY f.created_at, f.id LIMIT ? OFFSET ?", params)));
    }

    @Override
    public long count(Scope scope, Filter filter, boolean includeArchived) {
        List<Object> params = scoped(scope);
        String predicate = H2FilterCompiler.compile(filter, params);
        return db.transaction(c -> {
            try (PreparedStatement s = prepare(c, "SELECT COUNT(*) FROM fact f WHERE f.org_id = ? AND f.project_id = ? "
                    + statusClause(includeArchived) + " AND " + predicate, params);
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<ScoredFact> search(Scope scope, float[] query, Filter filter, int topK) {
        List<Object> params = scoped(scope);
        String predicate = H2FilterCompiler.compile(filter, params);
        return db.transaction(c -> {
            record Scored(FactRows.Row row, double score) {
            }
            List<Scored> scored = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "SELECT " + FactRows.COLUMNS + ", f.embedding FROM fact f"
                    + " WHERE f.org_id = ? AND f.project_id = ? AND f.status = 'ACTIVE' AND f.embedding IS NOT NULL"
                    + " AND " + predicate, params);
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    scored.add(new Scored(FactRows.row(rs), Vectors.cosine(query, Vectors.decode(rs.getBytes("embedding")))));
                }
            }
            List<Scored> top = scored.stream()
                    .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(x -> x.row().id()))
                    .limit(topK).toList();
            List<ProfileFact> facts = FactRows.complete(c, top.stream().map(Scored::row).toList());
            List<ScoredFact> out = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                out.add(new ScoredFact(facts.get(i), top.get(i).score()));
            }
            return out;
        });
    }

    @Override
    public List<FactChange> history(Scope scope, long id) {
        return db.transaction(c -> FactHistory.read(c, scope, id));
    }

    @Override
    public List<FactVersion> versions(Scope scope, long id) {
        return db.transaction(c -> {
            try (PreparedStatement s = prepare(c, """
                    SELECT v.category, v.tag, v.feature, v.fact_value, v.valid_from, v.valid_to
                    FROM fact_version v JOIN fact f ON f.id = v.fact_id
                    WHERE f.org_id = ? AND f.project_id = ? AND f.id = ? ORDER BY v.id""",
                    List.of(scope.orgId(), scope.projectId(), id));
                 ResultSet rs = s.executeQuery()) {
                List<FactVersion> versions = new ArrayList<>();
                while (rs.next()) {
                    versions.add(new FactVersion(id, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), FactRows.instant(rs, "valid_from"), FactRows.instant(rs, "valid_to")));
                }
                return versions;
            }
        });
    }

    @Override
    public int removeCitations(Scope scope, Collection<Long> episodeUids, String actor) {
        if (episodeUids.isEmpty()) {
            return 0;
        }
        Instant now = now();
        return db.transaction(c -> {
            List<Long> factIds = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT DISTINCT c.fact_id FROM fact_citation c JOIN fact f ON f.id = c.fact_id
                    WHERE f.org_id = ? AND f.project_id = ? AND c.episode_uid = ANY(?) ORDER BY c.fact_id""")) {
                s.setString(1, scope.orgId());
                s.setString(2, scope.projectId());
                s.setArray(3, c.createArrayOf("BIGINT", episodeUids.toArray(Long[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        factIds.add(rs.getLong(1));
                    }
                }
            }
            for (long factId : factIds) {
                ProfileFact before = load(c, scope, factId).orElseThrow();
                writer.uncite(c, factId, episodeUids, now);
                FactHistory.record(c, scope, factId, FactAction.UNCITE, before, load(c, scope, factId).orElseThrow(),
                        actor, now);
            }
            return factIds.size();
        });
    }

    @Override
    public long deleteAll(Scope scope) {
        return db.transaction(c -> {
            long deleted;
            try (PreparedStatement s = prepare(c, "DELETE FROM fact WHERE org_id = ? AND project_id = ?", scoped(scope))) {
                deleted = s.executeUpdate();
            }
            try (PreparedStatement s = prepare(c, "DELETE FROM fact_history WHERE org_id = ? AND project_id = ?",
                    scoped(scope))) {
                s.executeUpdate();
            }
            return deleted;
        });
    }

    @Override
    public Optional<EmbeddingSpace> embeddingSpace() {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT model_id, dimension FROM embedding_space WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new EmbeddingSpace(rs.getString(1), rs.getInt(2))) : Optional.empty();
            }
        });
    }

    @Override
    public void resetEmbeddingSpace(EmbeddingSpace space) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO embedding_space (id, model_id, dimension) KEY (id) VALUES (1, ?, ?)")) {
                s.setString(1, space.modelId());
                s.setInt(2, space.dimension());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE fact SET embedding = NULL")) {
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<Long, String> staleEmbeddings(int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = prepare(c, "SELECT id, indexed_text FROM fact WHERE embedding IS NULL ORDER BY id LIMIT ?",
                    List.of(limit));
                 ResultSet rs = s.executeQuery()) {
                Map<Long, String> stale = new LinkedHashMap<>();
                while (rs.next()) {
                    stale.put(rs.getLong(1), rs.getString(2));
                }
                return stale;
            }
        });
    }

    @Override
    public void storeEmbeddings(Map<Long, float[]> vectors) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE fact SET embedding = ? WHERE id = ?")) {
                for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
                    s.setBytes(1, Vectors.encode(e.getValue()));
                    s.setLong(2, e.getKey());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    // --- helpers ------------------------------------------------------------------------------

    private static Optional<ProfileFact> load(Connection c, Scope scope, long id) throws SQLException {
        List<FactRows.Row> found = rows(c, "SELECT " + FactRows.COLUMNS
                + " FROM fact f WHERE f.id = ? AND f.org_id = ? AND f.project_id = ?",
                List.of(id, scope.orgId(), scope.projectId()));
        return found.isEmpty() ? Optional.empty() : Optional.of(FactRows.complete(c, found).getFirst());
    }

    private static List<FactRows.Row> rows(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<FactRows.Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(FactRows.row(rs));
            }
            return rows;
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    private static List<Object> scoped(Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(scope.orgId());
        params.add(scope.projectId());
        return params;
    }

    private static String statusClause(boolean includeArchived) {
        return includeArchived ? "" : "AND f.status = 'ACTIVE'";
    }

    private static NotFoundException notFound(Scope scope, List<Long> ids) {
        return new NotFoundException("Fact(s) not found in " + scope + ": "
                + String.join(", ", ids.stream().map(String::valueOf).toList()));
    }
}
