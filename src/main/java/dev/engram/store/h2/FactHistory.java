package dev.engram.store.h2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactSnapshot;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** History rows: a JSON snapshot before and after every change. */
final class FactHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FactHistory() {
    }

    static void record(Connection c, Scope scope, long factId, FactAction action, ProfileFact before,
                       ProfileFact after, String actor, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO fact_history (org_id, project_id, fact_id, action, before_json, after_json, actor, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, scope.orgId());
            s.setString(2, scope.projectId());
            s.setLong(3, factId);
            s.setString(4, action.name());
            s.setString(5, before == null ? null : json(FactSnapshot.of(before)));
            s.setString(6, after == null ? null : json(FactSnapshot.of(after)));
            s.setString(7, actor);
            s.setObject(8, FactRows.timestamp(at));
            s.executeUpdate();
        }
    }

    static List<FactChange> read(Connection c, Scope scope, long factId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, action, before_json, after_json, actor, changed_at FROM fact_history
                WHERE org_id = ? AND project_id = ? AND fact_id = ? ORDER BY id""")) {
            s.setString(1, scope.orgId());
            s.setString(2, scope.projectId());
            s.setLong(3, factId);
            List<FactChange> changes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new FactChange(rs.getLong("id"), factId, FactAction.valueOf(rs.getString("action")),
                            snapshot(rs.getString("before_json")), snapshot(rs.getString("after_json")),
                            rs.getString("actor"), FactRows.instant(rs, "changed_at")));
                }
            }
            return changes;
        }
    }

    private static String json(FactSnapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fact snapshot", e);
        }
    }

    private static FactSnapshot snapshot(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, FactSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fact history row", e);
        }
    }
}
