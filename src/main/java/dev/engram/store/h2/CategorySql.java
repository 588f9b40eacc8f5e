package dev.engram.store.h2;

import static dev.engram.store.h2.SqlSupport.bind;

import dev.engram.core.profile.Category;
import dev.engram.core.profile.CategoryOrigin;
import dev.engram.core.profile.NewCategory;
import dev.engram.core.profile.NewTag;
import dev.engram.core.profile.Tag;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The statements on categories and tags; each restricts to the scope. Run inside a transaction. */
final class CategorySql {
    private static final String SELECT = "SELECT id, set_id, set_type_id, name, prompt, description"
            + " FROM semantic_category WHERE org_id = ? AND project_id = ?";

    private record Head(long id, String setId, Long setTypeId, String name, String prompt, String description) {
    }

    /** Inserts a category owned by {@code setId} or (a template) by {@code setTypeId}. */
    long insert(Connection c, Scope scope, String setId, Long setTypeId, NewCategory category) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO semantic_category (org_id, project_id, set_id,"
                + " set_type_id, name, prompt, description) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
            bind(ps, scope.orgId(), scope.projectId(), setId, setTypeId, category.name(), category.prompt(),
                    category.description());
            return SqlSupport.generatedId(ps);
        }
    }

    Optional<Category> byId(Connection c, Scope scope, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " AND id = ?")) {
            return complete(c, SqlSupport.rows(bind(ps, scope.orgId(), scope.projectId(), id), CategorySql::head))
                    .stream().findFirst();
        }
    }

    List<Category> ofSet(Connection c, Scope scope, String setId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " AND set_id = ? ORDER BY id")) {
            return complete(c, SqlSupport.rows(bind(ps, scope.orgId(), scope.projectId(), setId), CategorySql::head));
        }
    }

    List<Category> ofType(Connection c, Scope scope, long setTypeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " AND set_type_id = ? ORDER BY id")) {
            return complete(c, SqlSupport.rows(bind(ps, scope.orgId(), scope.projectId(), setTypeId), CategorySql::head));
        }
    }

    /** Deletes the category of the scope; its tags cascade. */
    int delete(Connection c, Scope scope, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM semantic_category WHERE org_id = ? AND project_id = ? AND id = ?")) {
            return bind(ps, scope.orgId(), scope.projectId(), id).executeUpdate();
        }
    }

    long insertTag(Connection c, long categoryId, NewTag tag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO semantic_tag (category_id, name, description)"
                + " VALUES (?, ?, ?)", new String[] {"ID"})) {
            bind(ps, categoryId, tag.name(), tag.description());
            return SqlSupport.generatedId(ps);
        }
    }

    /** Deletes a tag of one of the scope's categories; returns how many rows went (0 or 1). */
    int deleteTag(Connection c, Scope scope, long tagId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM semantic_tag WHERE id = ? AND category_id IN"
                + " (SELECT id FROM semantic_category WHERE org_id = ? AND project_id = ?)")) {
            return bind(ps, tagId, scope.orgId(), scope.projectId()).executeUpdate();
        }
    }

    /** Every category of the scope (tags cascade), then every set type. */
    void deleteAll(Connection c, Scope scope) throws SQLException {
        for (String table : List.of("semantic_category", "semantic_set_type")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE org_id = ? AND project_id = ?")) {
                bind(ps, scope.orgId(), scope.projectId()).executeUpdate();
            }
        }
    }

    private static List<Category> complete(Connection c, List<Head> heads) throws SQLException {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Tag>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, category_id, name, description FROM semantic_tag"
                + " WHERE category_id = ANY(?) ORDER BY id")) {
            bind(ps, (Object) heads.stream().map(Head::id).toArray(Long[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getLong("category_id"), k -> new ArrayList<>())
                            .add(new Tag(rs.getLong("id"), rs.getString("name"), rs.getString("description")));
                }
            }
        }
        return heads.stream().map(h -> new Category(h.id(), h.name(), h.prompt(), h.description(),
                h.setId() != null ? CategoryOrigin.SET_ID : CategoryOrigin.SET_TYPE,
                h.setId() != null ? h.setId() : Long.toString(h.setTypeId()),
                tags.getOrDefault(h.id(), List.of()))).toList();
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong("id"), rs.getString("set_id"), rs.getObject("set_type_id", Long.class),
                rs.getString("name"), rs.getString("prompt"), rs.getString("description"));
    }
}
