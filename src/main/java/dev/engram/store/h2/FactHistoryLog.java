package dev.engram.store.h2;

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
import java.util.Locale;

/**
 * The history rows of facts. A row carries its own scope and no foreign key, so a fact's
 * history stays readable after the fact is deleted.
 */
final class FactHistoryLog {
    private final SnapshotJson json = new SnapshotJson();

    /** Records a change; {@code before} is null for an add, {@code after} null for a delete. */
    void record(Connection c, Scope scope, long factId, FactAction action, ProfileFact before, ProfileFact after,
                String actor, Instant at) throws SQLException {
        record(c, scope, factId, action, before == null ? null : FactSnapshot.of(before),
                after == null ? null : FactSnapshot.of(after), actor, at);
    }

    /** Records a change given as snapshots (imported history keeps its own). */
    void record(Connection c, Scope scope, long factId, FactAction action, FactSnapshot before, FactSnapshot after,
                String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact_history (org_id, project_id, fact_id,"
                + " action, before_json, after_json, actor, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = FactReads.bindScope(ps, scope);
            ps.setLong(i++, factId);
            ps.setString(i++, action.wireName());
            ps.setString(i++, json.write(before));
            ps.setString(i++, json.write(after));
            ps.setString(i++, actor);
            ps.setObject(i, FactRows.utc(at));
            ps.executeUpdate();
        }
    }

    /** The fact's history in the scope, oldest first (empty for an id unknown in the scope). */
    List<FactChange> read(Connection c, Scope scope, long factId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, fact_id, action, before_json, after_json, actor,"
                + " changed_at FROM fact_history WHERE org_id = ? AND project_id = ? AND fact_id = ? ORDER BY id")) {
            ps.setLong(FactReads.bindScope(ps, scope), factId);
            List<FactChange> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new FactChange(rs.getLong("id"), rs.getLong("fact_id"),
                            FactAction.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                            json.read(rs.getString("before_json")), json.read(rs.getString("after_json")),
                            rs.getString("actor"), FactRows.instant(rs, "changed_at")));
                }
            }
            return List.copyOf(changes);
        }
    }

    void deleteAll(Connection c, Scope scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM fact_history WHERE org_id = ? AND project_id = ?")) {
            FactReads.bindScope(ps, scope);
            ps.executeUpdate();
        }
    }
}
