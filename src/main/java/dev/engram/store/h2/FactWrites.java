package dev.engram.store.h2;

import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The changes of the profile store. Every statement names the scope; run inside a transaction. */
final class FactWrites {
    private static final String IN_SCOPE = " AND org_id = ? AND project_id = ?";
    private static final String FACT_OF_SCOPE = " fact_id IN (SELECT id FROM facts WHERE org_id = ? AND project_id = ?)";

    long insert(Connection c, Scope scope, NewFact fact, String indexedText, float[] vector, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO facts (org_id, project_id, set_id, producer,"
                + " category, tag, feature, fact_value, status, valid_from, valid_to, created_at, updated_at, source,"
                + " indexed_text, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, NULL, ?, ?, ?, ?, ?)",
                new String[] {"ID"})) {
            int i = FactReads.bindScope(ps, scope);
            ps.setString(i++, fact.setId());
            ps.setString(i++, fact.producer());
            ps.setString(i++, fact.category());
            ps.setString(i++, fact.tag());
            ps.setString(i++, fact.feature());
            ps.setString(i++, fact.value());
            ps.setObject(i++, FactRows.utc(now));
            ps.setObject(i++, FactRows.utc(now));
            ps.setObject(i++, FactRows.utc(now));
            ps.setString(i++, fact.source().wireName());
            ps.setString(i++, indexedText);
            ps.setBytes(i, Vectors.encode(vector));
            return insertRest(c, ps, fact.citations(), fact.metadata());
        }
    }

    /** Runs a fact's prepared INSERT, then adds its citations and metadata; returns its new id. */
    private static long insertRest(Connection c, PreparedStatement ps, Collection<Long> citations,
                                   Map<String, String> metadata) throws SQLException {
        ps.executeUpdate();
        long id;
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
        }
        insertCitations(c, id, citations);
        insertMetadata(c, id, metadata);
        return id;
    }

    /** Adds citations the fact does not have yet (the caller checked the fact is in its scope). */
    void addCitations(Connection c, long id, Collection<Long> episodeUids) throws SQLException {
        insertCitations(c, id, episodeUids);
    }

    /** Inserts a fact as it was elsewhere (import): its own status, validity, times and source. */
    long insertAsIs(Connection c, Scope scope, ProfileFact fact, String indexedText, float[] vector)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO facts (org_id, project_id, set_id, producer,"
                + " category, tag, feature, fact_value, status, valid_from, valid_to, created_at, updated_at, source,"
                + " indexed_text, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"ID"})) {
            int i = bindContent(ps, FactReads.bindScope(ps, scope), fact);
            ps.setObject(i++, FactRows.utc(fact.createdAt()));
            ps.setObject(i++, FactRows.utc(fact.updatedAt()));
            ps.setString(i++, fact.source().wireName());
            ps.setString(i++, indexedText);
            ps.setBytes(i, Vectors.encode(vector));
            return insertRest(c, ps, fact.citations(), fact.metadata());
        }
    }

    /** Overwrites a fact with an imported state; it keeps its id and creation time. */
    void overwrite(Connection c, Scope scope, long id, ProfileFact fact, String indexedText, float[] vector, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE facts SET set_id = ?, producer = ?, category = ?, tag = ?,"
                + " feature = ?, fact_value = ?, status = ?, valid_from = ?, valid_to = ?, updated_at = ?, source = ?,"
                + " indexed_text = ?, embedding = ? WHERE id = ?" + IN_SCOPE)) {
            int i = bindContent(ps, 1, fact);
            ps.setObject(i++, FactRows.utc(now));
            ps.setString(i++, fact.source().wireName());
            ps.setString(i++, indexedText);
            ps.setBytes(i++, Vectors.encode(vector));
            bindIdAndScope(ps, i, id, scope);
            ps.executeUpdate();
        }
        for (String table : new String[] {"fact_citation", "fact_metadata", "fact_version"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE fact_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        insertCitations(c, id, fact.citations());
        insertMetadata(c, id, fact.metadata());
    }

    /** set_id ... valid_to, from {@code first}; returns the next parameter index. */
    private static int bindContent(PreparedStatement ps, int first, ProfileFact fact) throws SQLException {
        int i = first;
        ps.setString(i++, fact.setId());
        ps.setString(i++, fact.producer());
        ps.setString(i++, fact.category());
        ps.setString(i++, fact.tag());
        ps.setString(i++, fact.feature());
        ps.setString(i++, fact.value());
        ps.setString(i++, fact.status().wireName());
        ps.setObject(i++, FactRows.utc(fact.validFrom()));
        ps.setObject(i++, FactRows.utc(fact.validTo()));
        return i;
    }

    /** Stores superseded values as they were (import). */
    void insertVersions(Connection c, long id, java.util.List<FactVersion> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact_version (fact_id, category, tag, feature,"
                + " fact_value, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (FactVersion v : versions) {
                ps.setLong(1, id);
                ps.setString(2, v.category());
                ps.setString(3, v.tag());
                ps.setString(4, v.feature());
                ps.setString(5, v.value());
                ps.setObject(6, FactRows.utc(v.validFrom()));
                ps.setObject(7, FactRows.utc(v.validTo()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertCitations(Connection c, long id, Collection<Long> episodeUids) throws SQLException {
        if (episodeUids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact_citation (fact_id, episode_uid) VALUES (?, ?)")) {
            for (long uid : new TreeSet<>(episodeUids)) {
                ps.setLong(1, id);
                ps.setLong(2, uid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertMetadata(Connection c, long id, Map<String, String> metadata) throws SQLException {
        if (metadata.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO fact_metadata (fact_id, meta_key, meta_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, entry.getKey());
                ps.setString(3, entry.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Writes the new content; {@code validFrom} is now when the content changed. */
    void updateContent(Connection c, ProfileFact after, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE facts SET category = ?, tag = ?, feature = ?,"
                + " fact_value = ?, valid_from = ?, updated_at = ? WHERE id = ?" + IN_SCOPE)) {
            ps.setString(1, after.category());
            ps.setString(2, after.tag());
            ps.setString(3, after.feature());
            ps.setString(4, after.value());
            ps.setObject(5, FactRows.utc(after.validFrom()));
            ps.setObject(6, FactRows.utc(now));
            bindIdAndScope(ps, 7, after.id(), after.scope());
            ps.executeUpdate();
        }
    }

    void updateEmbedding(Connection c, Scope scope, long id, String indexedText, float[] vector) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE facts SET indexed_text = ?, embedding = ? WHERE id = ?" + IN_SCOPE)) {
            ps.setString(1, indexedText);
            ps.setBytes(2, Vectors.encode(vector));
            bindIdAndScope(ps, 3, id, scope);
            ps.executeUpdate();
        }
    }

    /** Keeps the content the fact held until now as a version valid over [its valid_from, now). */
    void insertVersion(Connection c, ProfileFact before, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact_version (fact_id, category, tag, feature,"
                + " fact_value, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, before.id());
            ps.setString(2, before.category());
            ps.setString(3, before.tag());
            ps.setString(4, before.feature());
            ps.setString(5, before.value());
            ps.setObject(6, FactRows.utc(before.validFrom()));
            ps.setObject(7, FactRows.utc(now));
            ps.executeUpdate();
        }
    }

    void replaceMetadata(Connection c, Scope scope, long id, Map<String, String> metadata) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM fact_metadata WHERE fact_id = ? AND" + FACT_OF_SCOPE)) {
            bindIdAndScope(ps, 1, id, scope);
            ps.executeUpdate();
        }
        insertMetadata(c, id, metadata);
    }

    void setStatus(Connection c, Scope scope, long id, FactStatus status, Instant validTo, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE facts SET status = ?, valid_to = ?, updated_at = ? WHERE id = ?" + IN_SCOPE)) {
            ps.setString(1, status.name().toLowerCase(Locale.ROOT));
            ps.setObject(2, FactRows.utc(validTo));
            ps.setObject(3, FactRows.utc(now));
            bindIdAndScope(ps, 4, id, scope);
            ps.executeUpdate();
        }
    }

    /** Deletes the facts (their citations, metadata and versions cascade); returns how many. */
    int delete(Connection c, Scope scope, Collection<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM facts WHERE id = ANY(?)" + IN_SCOPE)) {
            ps.setObject(1, ids.toArray(Long[]::new));
            ps.setString(2, scope.orgId());
            ps.setString(3, scope.projectId());
            return ps.executeUpdate();
        }
    }

    void removeCitations(Connection c, Scope scope, Collection<Long> episodeUids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM fact_citation WHERE episode_uid = ANY(?) AND" + FACT_OF_SCOPE)) {
            ps.setObject(1, episodeUids.toArray(Long[]::new));
            ps.setString(2, scope.orgId());
            ps.setString(3, scope.projectId());
            ps.executeUpdate();
        }
    }

    /** Deletes every fact of the scope (children cascade); returns how many. */
    long deleteAll(Connection c, Scope scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM facts WHERE org_id = ? AND project_id = ?")) {
            FactReads.bindScope(ps, scope);
            return ps.executeLargeUpdate();
        }
    }

    private static void bindIdAndScope(PreparedStatement ps, int first, long id, Scope scope) throws SQLException {
        ps.setLong(first, id);
        ps.setString(first + 1, scope.orgId());
        ps.setString(first + 2, scope.projectId());
    }
}
