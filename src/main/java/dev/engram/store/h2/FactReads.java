package dev.engram.store.h2;

import dev.engram.core.episode.PageRequest;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/** The queries of the profile store. Every one restricts to the scope; run inside a transaction. */
final class FactReads {
    private static final String FROM_SCOPE = " FROM facts f WHERE f.org_id = ? AND f.project_id = ?";
    private static final String ACTIVE = " AND f.status = 'active'";

    private record Candidate(FactRows.Head head, double score) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .reversed().thenComparingLong(c -> c.head().id());

    Optional<ProfileFact> byId(Connection c, Scope scope, long id, boolean lock) throws SQLException {
        String sql = "SELECT " + FactRows.COLUMNS + FROM_SCOPE + " AND f.id = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(bindScope(ps, scope), id);
            return FactRows.complete(c, scope, heads(ps)).stream().findFirst();
        }
    }

    /** The facts of the scope with these ids (unknown ids skipped), by id; optionally locked for update. */
    List<ProfileFact> byIds(Connection c, Scope scope, Collection<Long> ids, boolean lock) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + FactRows.COLUMNS + FROM_SCOPE + " AND f.id = ANY(?) ORDER BY f.id"
                + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindScope(ps, scope);
            ps.setObject(3, ids.toArray(Long[]::new));
            return FactRows.complete(c, scope, heads(ps));
        }
    }

    /** Ids of the scope's facts that cite any of these episodes, ascending. */
    List<Long> citing(Connection c, Scope scope, Collection<Long> episodeUids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT c.fact_id FROM fact_citation c"
                + " WHERE c.episode_uid = ANY(?) AND EXISTS (SELECT 1 FROM facts f WHERE f.id = c.fact_id"
                + " AND f.org_id = ? AND f.project_id = ?) ORDER BY c.fact_id")) {
            ps.setObject(1, episodeUids.toArray(Long[]::new));
            ps.setString(2, scope.orgId());
            ps.setString(3, scope.projectId());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Ids of the scope's facts (archived too) of a category in any of these sets, ascending. */
    List<Long> ofCategory(Connection c, Scope scope, Collection<String> setIds, String category) throws SQLException {
        if (setIds.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT f.id" + FROM_SCOPE
                + " AND f.set_id = ANY(?) AND f.category = ? ORDER BY f.id")) {
            int next = bindScope(ps, scope);
            ps.setObject(next, setIds.toArray(String[]::new));
            ps.setString(next + 1, category);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    List<ProfileFact> list(Connection c, Scope scope, SqlPredicate filter, PageRequest page, boolean includeArchived)
            throws SQLException {
        String sql = "SELECT " + FactRows.COLUMNS + FROM_SCOPE + (includeArchived ? "" : ACTIVE)
                + " AND (" + filter.sql() + ") ORDER BY f.created_at, f.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = filter.bind(ps, bindScope(ps, scope));
            ps.setLong(next, page.offset());
            ps.setInt(next + 1, page.size());
            return FactRows.complete(c, scope, heads(ps));
        }
    }

    long count(Connection c, Scope scope, SqlPredicate filter, boolean includeArchived) throws SQLException {
        String sql = "SELECT COUNT(*)" + FROM_SCOPE + (includeArchived ? "" : ACTIVE) + " AND (" + filter.sql() + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            filter.bind(ps, bindScope(ps, scope));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Ranks the scope's active facts that pass the filter by cosine similarity, in Java: a
     * scope holds thousands of facts at most. Facts with a stale (null) embedding are skipped.
     */
    List<ScoredFact> search(Connection c, Scope scope, float[] query, SqlPredicate filter, int topK)
            throws SQLException {
        String sql = "SELECT " + FactRows.COLUMNS + ", f.embedding" + FROM_SCOPE + ACTIVE
                + " AND f.embedding IS NOT NULL AND (" + filter.sql() + ")";
        PriorityQueue<Candidate> best = new PriorityQueue<>(BEST_FIRST.reversed());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            filter.bind(ps, bindScope(ps, scope));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = Vectors.cosine(query, Vectors.decode(rs.getBytes("embedding")));
                    if (!Double.isNaN(score)) {
                        best.add(new Candidate(FactRows.head(rs), score));
                        if (best.size() > topK) {
                            best.poll();
                        }
                    }
                }
            }
        }
        List<Candidate> ranked = best.stream().sorted(BEST_FIRST).toList();
        List<ProfileFact> facts = FactRows.complete(c, scope, ranked.stream().map(Candidate::head).toList());
        List<ScoredFact> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            out.add(new ScoredFact(facts.get(i), ranked.get(i).score()));
        }
        return List.copyOf(out);
    }

    List<FactVersion> versions(Connection c, Scope scope, long id) throws SQLException {
        String sql = "SELECT v.fact_id, v.category, v.tag, v.feature, v.fact_value, v.valid_from, v.valid_to"
                + " FROM fact_version v JOIN facts f ON f.id = v.fact_id"
                + " WHERE f.org_id = ? AND f.project_id = ? AND v.fact_id = ? ORDER BY v.valid_from, v.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(bindScope(ps, scope), id);
            List<FactVersion> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(new FactVersion(rs.getLong("fact_id"), rs.getString("category"), rs.getString("tag"),
                            rs.getString("feature"), rs.getString("fact_value"), FactRows.instant(rs, "valid_from"),
                            FactRows.instant(rs, "valid_to")));
                }
            }
            return List.copyOf(versions);
        }
    }

    /** Binds org and project as parameters 1 and 2; returns 3. */
    static int bindScope(PreparedStatement ps, Scope scope) throws SQLException {
        ps.setString(1, scope.orgId());
        ps.setString(2, scope.projectId());
        return 3;
    }

    private static List<FactRows.Head> heads(PreparedStatement ps) throws SQLException {
        List<FactRows.Head> heads = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                heads.add(FactRows.head(rs));
            }
        }
        return heads;
    }
}
