package dev.engram.store.h2;

import static dev.engram.store.h2.SqlSupport.bind;

import dev.engram.core.profile.NewSetType;
import dev.engram.core.profile.SetType;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The set-type statements; each one restricts to the scope. Run inside a transaction. */
final class SetTypeSql {
    private static final String COLUMNS = "SELECT id, org_level, tags, name, description FROM semantic_set_type"
            + " WHERE org_id = ? AND project_id = ?";

    long insert(Connection c, Scope scope, NewSetType type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO semantic_set_type (org_id, project_id, org_level,"
                + " tags, name, description) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
            bind(ps, scope.orgId(), scope.projectId(), type.orgLevel(), SqlSupport.joinKeys(type.tags()), type.name(),
                    type.description());
            return SqlSupport.generatedId(ps);
        }
    }

    Optional<SetType> byId(Connection c, Scope scope, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " AND id = ?")) {
            return SqlSupport.first(bind(ps, scope.orgId(), scope.projectId(), id), SetTypeSql::row);
        }
    }

    Optional<SetType> byKeys(Connection c, Scope scope, boolean orgLevel, List<String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " AND org_level = ? AND tags = ?")) {
            bind(ps, scope.orgId(), scope.projectId(), orgLevel, SqlSupport.joinKeys(tags));
            return SqlSupport.first(ps, SetTypeSql::row);
        }
    }

    Optional<SetType> byName(Connection c, Scope scope, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " AND name = ?")) {
            return SqlSupport.first(bind(ps, scope.orgId(), scope.projectId(), name), SetTypeSql::row);
        }
    }

    List<SetType> all(Connection c, Scope scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " ORDER BY id")) {
            return SqlSupport.rows(bind(ps, scope.orgId(), scope.projectId()), SetTypeSql::row);
        }
    }

    /** Deletes the set type; its templates (with their tags) and set links cascade. */
    int delete(Connection c, Scope scope, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM semantic_set_type WHERE org_id = ? AND project_id = ? AND id = ?")) {
            return bind(ps, scope.orgId(), scope.projectId(), id).executeUpdate();
        }
    }

    private static SetType row(ResultSet rs) throws SQLException {
        return new SetType(rs.getLong("id"), rs.getBoolean("org_level"), SqlSupport.splitKeys(rs.getString("tags")),
                rs.getString("name"), rs.getString("description"));
    }
}
