package dev.engram.store.h2;

import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps fact rows to {@link ProfileFact}s: the row itself ({@link Head}), then its citations
 * and metadata, loaded for a whole page at once. Used inside a transaction only.
 */
final class FactRows {
    static final String COLUMNS = "f.id, f.org_id, f.project_id, f.set_id, f.producer, f.category, f.tag,"
            + " f.feature, f.fact_value, f.status, f.valid_from, f.valid_to, f.created_at, f.updated_at, f.source";

    /**
     * Child rows are driven by their fact_id index; the scope check is per row, so H2 never
     * plans a scan of the scope's facts for a page of ids.
     */
    private static final String OF_SCOPE = " EXISTS (SELECT 1 FROM facts f WHERE f.id = %s.fact_id"
            + " AND f.org_id = ? AND f.project_id = ?)";

    private FactRows() {
    }

    /** The columns of one fact row. */
    record Head(long id, Scope scope, String setId, String producer, String category, String tag,
                String feature, String value, FactStatus status, Instant validFrom, Instant validTo,
                Instant createdAt, Instant updatedAt, FactSource source) {

        ProfileFact toFact(List<Long> citations, Map<String, String> metadata) {
            return new ProfileFact(id, scope, setId, producer, category, tag, feature, value, status,
                    validFrom, validTo, createdAt, updatedAt, source, citations, metadata);
        }
    }

    /** Reads the {@link #COLUMNS} of the current row. */
    static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong("id"), new Scope(rs.getString("org_id"), rs.getString("project_id")),
                rs.getString("set_id"), rs.getString("producer"), rs.getString("category"), rs.getString("tag"),
                rs.getString("feature"), rs.getString("fact_value"), status(rs.getString("status")),
                instant(rs, "valid_from"), instant(rs, "valid_to"), instant(rs, "created_at"),
                instant(rs, "updated_at"), FactSource.fromWire(rs.getString("source")));
    }

    /** Completes the heads with their citations (ascending) and metadata, keeping their order. */
    static List<ProfileFact> complete(Connection c, Scope scope, List<Head> heads) throws SQLException {
        if (heads.isEmpty()) {
            return List.of();
        }
        Long[] ids = heads.stream().map(Head::id).toArray(Long[]::new);
        Map<Long, List<Long>> citations = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.fact_id, c.episode_uid FROM fact_citation c"
                + " WHERE c.fact_id = ANY(?) AND" + OF_SCOPE.formatted("c") + " ORDER BY c.fact_id, c.episode_uid")) {
            bindScope(ps, scope, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    citations.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        Map<Long, Map<String, String>> metadata = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.fact_id, m.meta_key, m.meta_value"
                + " FROM fact_metadata m WHERE m.fact_id = ANY(?) AND" + OF_SCOPE.formatted("m"))) {
            bindScope(ps, scope, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    metadata.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return heads.stream()
                .map(h -> h.toFact(citations.getOrDefault(h.id(), List.of()), metadata.getOrDefault(h.id(), Map.of())))
                .toList();
    }

    private static void bindScope(PreparedStatement ps, Scope scope, Long[] ids) throws SQLException {
        ps.setObject(1, ids);
        ps.setString(2, scope.orgId());
        ps.setString(3, scope.projectId());
    }

    static FactStatus status(String wire) {
        return FactStatus.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
