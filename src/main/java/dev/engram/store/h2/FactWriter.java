package dev.engram.store.h2;

import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

/** The writing statements of the profile store; callers run them inside their transaction. */
final class FactWriter {

    long insert(Connection c, Scope scope, NewFact fact, String indexedText, float[] vector, Instant now)
            throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO fact (org_id, project_id, set_id, producer, category, tag, feature, fact_value, status,
                                  valid_from, valid_to, created_at, updated_at, source, indexed_text, embedding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, NULL, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, scope.orgId());
            s.setString(2, scope.projectId());
            s.setString(3, fact.setId());
            s.setString(4, fact.producer());
            s.setString(5, fact.category());
            s.setString(6, fact.tag());
            s.setString(7, fact.feature());
            s.setString(8, fact.value());
            s.setObject(9, FactRows.timestamp(now));
            s.setObject(10, FactRows.timestamp(now));
            s.setObject(11, FactRows.timestamp(now));
            s.setString(12, fact.source().name());
            s.setString(13, indexedText);
            s.setBytes(14, vector == null ? null : Vectors.encode(vector));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        cite(c, id, fact.citations());
        replaceMetadata(c, id, fact.metadata());
        return id;
    }

    void update(Connection c, ProfileFact before, FactPatch patch, String indexedText, float[] vector, Instant now)
            throws SQLException {
        String category = Objects.requireNonNullElse(patch.category(), before.category());
        String tag = Objects.requireNonNullElse(patch.tag(), before.tag());
        String feature = Objects.requireNonNullElse(patch.feature(), before.feature());
        String value = Objects.requireNonNullElse(patch.value(), before.value());
        boolean contentChanged = !category.equals(before.category()) || !tag.equals(before.tag())
                || !feature.equals(before.feature()) || !value.equals(before.value());
        if (contentChanged) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO fact_version (fact_id, category, tag, feature, fact_value, valid_from, valid_to)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                s.setLong(1, before.id());
                s.setString(2, before.category());
                s.setString(3, before.tag());
                s.setString(4, before.feature());
                s.setString(5, before.value());
                s.setObject(6, FactRows.timestamp(before.validFrom()));
                s.setObject(7, FactRows.timestamp(now));
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE fact SET category = ?, tag = ?, feature = ?, fact_value = ?, updated_at = ?,
                    valid_from = CASE WHEN ? THEN ? ELSE valid_from END,
                    indexed_text = COALESCE(?, indexed_text),
                    embedding = CASE WHEN ? THEN ? ELSE embedding END
                WHERE id = ?""")) {
            s.setString(1, category);
            s.setString(2, tag);
            s.setString(3, feature);
            s.setString(4, value);
            s.setObject(5, FactRows.timestamp(now));
            s.setBoolean(6, contentChanged);
            s.setObject(7, FactRows.timestamp(now));
            s.setString(8, indexedText);
            s.setBoolean(9, vector != null);
            s.setBytes(10, vector == null ? null : Vectors.encode(vector));
            s.setLong(11, before.id());
            s.executeUpdate();
        }
        if (patch.metadata() != null) {
            replaceMetadata(c, before.id(), patch.metadata());
        }
    }

    void setStatus(Connection c, long id, FactStatus status, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE fact SET status = ?, valid_to = ?, updated_at = ? WHERE id = ?")) {
            s.setString(1, status.name());
            s.setObject(2, status == FactStatus.ARCHIVED ? FactRows.timestamp(now) : null);
            s.setObject(3, FactRows.timestamp(now));
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    void uncite(Connection c, long factId, Collection<Long> episodeUids, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM fact_citation WHERE fact_id = ? AND episode_uid = ANY(?)")) {
            s.setLong(1, factId);
            s.setArray(2, c.createArrayOf("BIGINT", episodeUids.toArray(Long[]::new)));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE fact SET updated_at = ? WHERE id = ?")) {
            s.setObject(1, FactRows.timestamp(now));
            s.setLong(2, factId);
            s.executeUpdate();
        }
    }

    private void cite(Connection c, long id, Collection<Long> citations) throws SQLException {
        if (citations.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO fact_citation (fact_id, episode_uid) VALUES (?, ?)")) {
            for (long uid : new LinkedHashSet<>(citations)) {
                s.setLong(1, id);
                s.setLong(2, uid);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void replaceMetadata(Connection c, long id, Map<String, String> metadata) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM fact_metadata WHERE fact_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        if (metadata.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO fact_metadata (fact_id, meta_key, meta_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                s.setLong(1, id);
                s.setString(2, e.getKey());
                s.setString(3, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

}
