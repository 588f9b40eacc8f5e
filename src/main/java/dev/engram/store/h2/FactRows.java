package dev.engram.store.h2;

import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading fact rows (with their citations and metadata) into core records. */
final class FactRows {
    static final String COLUMNS = """
            f.id, f.org_id, f.project_id, f.set_id, f.producer, f.category, f.tag, f.feature, f.fact_value,
            f.status, f.valid_from, f.valid_to, f.created_at, f.updated_at, f.source""";

    private FactRows() {
    }

    /** A row of {@link #COLUMNS} without its citations and metadata yet. */
    record Row(long id, Scope scope, String setId, String producer, String category, String tag, String feature,
               String value, FactStatus status, Instant validFrom, Instant validTo, Instant createdAt,
               Instant updatedAt, FactSource source) {
        ProfileFact with(List<Long> citations, Map<String, String> metadata) {
            return new ProfileFact(id, scope, setId, producer, category, tag, feature, value, status, validFrom,
                    validTo, createdAt, updatedAt, source, citations, metadata);
        }
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), new Scope(rs.getString("org_id"), rs.getString("project_id")),
                rs.getString("set_id"), rs.getString("producer"), rs.getString("category"), rs.getString("tag"),
                rs.getString("feature"), rs.getString("fact_value"), FactStatus.valueOf(rs.getString("status")),
                instant(rs, "valid_from"), instant(rs, "valid_to"), instant(rs, "created_at"),
                instant(rs, "updated_at"), FactSource.valueOf(rs.getString("source")));
    }

    /** Completes rows with their citations and metadata, keeping the rows' order. */
    static List<ProfileFact> complete(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<Long>> citations = new HashMap<>();
        Map<Long, Map<String, String>> metadata = new HashMap<>();
        Array array = c.createArrayOf("BIGINT", ids);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT fact_id, episode_uid FROM fact_citation WHERE fact_id = ANY(?) ORDER BY fact_id, episode_uid")) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    citations.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT fact_id, meta_key, meta_value FROM fact_metadata WHERE fact_id = ANY(?) ORDER BY fact_id, meta_key")) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    metadata.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<ProfileFact> facts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            facts.add(row.with(citations.getOrDefault(row.id(), List.of()), metadata.getOrDefault(row.id(), Map.of())));
        }
        return facts;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
