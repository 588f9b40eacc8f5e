package dev.engram.store.h2;

import static dev.engram.store.h2.SqlSupport.bind;

import dev.engram.core.profile.SetInfo;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The statements on recorded sets, their type links and disabled categories; each restricts to the scope. */
final class SemanticSetSql {
    private static final String SELECT = "SELECT s.set_id, s.org_level, s.tags, s.embedder_name, s.llm_name,"
            + " t.id AS type_id, t.name AS type_name, t.description AS type_description FROM semantic_set s"
            + " LEFT JOIN semantic_set_set_type l ON l.org_id = s.org_id AND l.project_id = s.project_id"
            + " AND l.set_id = s.set_id LEFT JOIN semantic_set_type t ON t.id = l.set_type_id"
            + " WHERE s.org_id = ? AND s.project_id = ?";

    /** Records the set unless it is recorded (a concurrent twin counts as recorded). */
    void insertIfAbsent(Connection c, Scope scope, String setId, boolean orgLevel, List<String> tags, Instant now)
            throws SQLException {
        if (exists(c, scope, "semantic_set", setId)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO semantic_set (org_id, project_id, set_id, org_level,"
                + " tags, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(ps, scope.orgId(), scope.projectId(), setId, orgLevel, SqlSupport.joinKeys(tags), FactRows.utc(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!SqlSupport.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Links a recorded set to a set type of the scope unless it is linked already (first link wins). */
    void linkIfUnlinked(Connection c, Scope scope, String setId, long setTypeId) throws SQLException {
        if (exists(c, scope, "semantic_set_set_type", setId)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO semantic_set_set_type (org_id, project_id, set_id,"
                + " set_type_id) VALUES (?, ?, ?, ?)")) {
            bind(ps, scope.orgId(), scope.projectId(), setId, setTypeId).executeUpdate();
        } catch (SQLException e) {
            if (!SqlSupport.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** {@code table} is one of this class's own table names, never user input. */
    private static boolean exists(Connection c, Scope scope, String table, String setId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table
                + " WHERE org_id = ? AND project_id = ? AND set_id = ?")) {
            return SqlSupport.first(bind(ps, scope.orgId(), scope.projectId(), setId), rs -> true).isPresent();
        }
    }

    Optional<SetInfo> byId(Connection c, Scope scope, String setId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " AND s.set_id = ?")) {
            List<SetInfo> found = read(c, scope, bind(ps, scope.orgId(), scope.projectId(), setId));
            return found.stream().findFirst();
        }
    }

    List<SetInfo> all(Connection c, Scope scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY s.set_id")) {
            return read(c, scope, bind(ps, scope.orgId(), scope.projectId()));
        }
    }

    /** The sets linked to a set type that own no category of this name. */
    List<String> linkedWithout(Connection c, Scope scope, long setTypeId, String categoryName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.set_id FROM semantic_set_set_type l"
                + " WHERE l.org_id = ? AND l.project_id = ? AND l.set_type_id = ? AND NOT EXISTS (SELECT 1 FROM"
                + " semantic_category c WHERE c.org_id = l.org_id AND c.project_id = l.project_id AND c.set_id = l.set_id"
                + " AND c.name = ?) ORDER BY l.set_id")) {
            return SqlSupport.rows(bind(ps, scope.orgId(), scope.projectId(), setTypeId, categoryName), rs -> rs.getString(1));
        }
    }

    int configure(Connection c, Scope scope, String setId, String embedderName, String llmName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE semantic_set SET embedder_name = ?, llm_name = ?"
                + " WHERE org_id = ? AND project_id = ? AND set_id = ?")) {
            return bind(ps, embedderName, llmName, scope.orgId(), scope.projectId(), setId).executeUpdate();
        }
    }

    void setDisabled(Connection c, Scope scope, String setId, String name, boolean disabled) throws SQLException {
        String sql = disabled
                ? "MERGE INTO semantic_disabled_category KEY (org_id, project_id, set_id, category_name) VALUES (?, ?, ?, ?)"
                : "DELETE FROM semantic_disabled_category WHERE org_id = ? AND project_id = ? AND set_id = ?"
                        + " AND category_name = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, scope.orgId(), scope.projectId(), setId, name).executeUpdate();
        }
    }

    /** Every recorded set of the scope, with its links and disabled categories (categories go first). */
    void deleteAll(Connection c, Scope scope) throws SQLException {
        for (String table : List.of("semantic_disabled_category", "semantic_set_set_type", "semantic_set")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE org_id = ? AND project_id = ?")) {
                bind(ps, scope.orgId(), scope.projectId()).executeUpdate();
            }
        }
    }

    private record Head(String setId, boolean orgLevel, String tags, String embedderName, String llmName,
                        Long typeId, String typeName, String typeDescription) {
    }

    private static List<SetInfo> read(Connection c, Scope scope, PreparedStatement ps) throws SQLException {
        List<Head> heads = SqlSupport.rows(ps, SemanticSetSql::head);
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> disabled = new HashMap<>();
        try (PreparedStatement d = c.prepareStatement("SELECT set_id, category_name FROM semantic_disabled_category"
                + " WHERE org_id = ? AND project_id = ? AND set_id = ANY(?) ORDER BY set_id, category_name")) {
            bind(d, scope.orgId(), scope.projectId(), heads.stream().map(Head::setId).toArray(String[]::new));
            for (String[] row : SqlSupport.rows(d, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                disabled.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
            }
        }
        return heads.stream().map(h -> new SetInfo(h.setId(), h.orgLevel(), SqlSupport.splitKeys(h.tags()), h.typeId(),
                h.typeName(), h.typeDescription(), h.embedderName(), h.llmName(),
                disabled.getOrDefault(h.setId(), List.of()))).toList();
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getString("set_id"), rs.getBoolean("org_level"), rs.getString("tags"),
                rs.getString("embedder_name"), rs.getString("llm_name"), rs.getObject("type_id", Long.class),
                rs.getString("type_name"), rs.getString("type_description"));
    }
}
