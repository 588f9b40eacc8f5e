package dev.engram.store.h2;

import dev.engram.core.ingest.ExtractionQueue;
import dev.engram.core.scope.Scope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The extraction queue in H2: one short transaction per call, every statement parameterized. */
public final class H2ExtractionQueue implements ExtractionQueue {
    private static final String IN_SET = " WHERE org_id = ? AND project_id = ? AND set_id = ?";

    private final Transactions tx;

    public H2ExtractionQueue(H2Database database) {
        this.tx = new Transactions(Objects.requireNonNull(database, "database"));
    }

    @Override
    public void enqueue(Scope scope, String setId, String producer, Collection<Long> episodeUids, Instant at) {
        if (episodeUids.isEmpty()) {
            return;
        }
        tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO extraction_queue (org_id, project_id, set_id,"
                    + " producer, episode_uid, queued_at, status) KEY (org_id, project_id, set_id, episode_uid)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'pending')")) {
                for (long uid : episodeUids) {
                    bindSet(ps, scope, setId);
                    ps.setString(4, producer);
                    ps.setLong(5, uid);
                    ps.setObject(6, FactRows.utc(at));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<WaitingSet> waiting() {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT org_id, project_id, set_id, MIN(producer) AS producer,"
                    + " COUNT(*) AS n, MIN(queued_at) AS oldest FROM extraction_queue WHERE status = 'pending'"
                    + " GROUP BY org_id, project_id, set_id ORDER BY oldest");
                 ResultSet rs = ps.executeQuery()) {
                List<WaitingSet> sets = new ArrayList<>();
                while (rs.next()) {
                    sets.add(new WaitingSet(Scope.of(rs.getString("org_id"), rs.getString("project_id")),
                            rs.getString("set_id"), rs.getString("producer"), rs.getInt("n"),
                            FactRows.instant(rs, "oldest")));
                }
                return sets;
            }
        });
    }

    @Override
    public List<Long> pending(Scope scope, String setId, int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT episode_uid FROM extraction_queue" + IN_SET
                    + " AND status = 'pending' ORDER BY queued_at, episode_uid LIMIT ?")) {
                bindSet(ps, scope, setId);
                ps.setInt(4, limit);
                return uids(ps);
            }
        });
    }

    @Override
    public void done(Scope scope, String setId, Collection<Long> episodeUids) {
        tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM extraction_queue" + IN_SET + " AND episode_uid = ANY(?)")) {
                bindSet(ps, scope, setId);
                ps.setArray(4, c.createArrayOf("BIGINT", episodeUids.toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void fail(Scope scope, String setId, Collection<Long> episodeUids, String error, Instant at) {
        tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE extraction_queue SET status = 'failed', error = ?,"
                    + " failed_at = ? WHERE org_id = ? AND project_id = ? AND set_id = ? AND episode_uid = ANY(?)")) {
                ps.setString(1, error);
                ps.setObject(2, FactRows.utc(at));
                ps.setString(3, scope.orgId());
                ps.setString(4, scope.projectId());
                ps.setString(5, setId);
                ps.setArray(6, c.createArrayOf("BIGINT", episodeUids.toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int retryFailed(Scope scope) {
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE extraction_queue SET status = 'pending', error = NULL,"
                    + " failed_at = NULL WHERE org_id = ? AND project_id = ? AND status = 'failed'")) {
                bindScope(ps, scope);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void forget(Scope scope) {
        tx.write(c -> {
            for (String table : List.of("extraction_queue", "extraction_run")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE org_id = ? AND project_id = ?")) {
                    bindScope(ps, scope);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public int pendingCount(Scope scope) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM extraction_queue"
                    + " WHERE org_id = ? AND project_id = ? AND status = 'pending'")) {
                bindScope(ps, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public List<FailedBatch> failed(Scope scope) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_id, episode_uid, error, failed_at FROM extraction_queue"
                    + " WHERE org_id = ? AND project_id = ? AND status = 'failed' ORDER BY failed_at, set_id, episode_uid")) {
                bindScope(ps, scope);
                Map<String, List<Object>> batches = new LinkedHashMap<>();
                Map<String, List<Long>> uids = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = FactRows.instant(rs, "failed_at");
                        String key = rs.getString("set_id") + "\u0000" + at;
                        batches.putIfAbsent(key, List.of(rs.getString("set_id"), rs.getString("error"), at));
                        uids.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong("episode_uid"));
                    }
                }
                List<FailedBatch> out = new ArrayList<>();
                batches.forEach((key, b) -> out.add(new FailedBatch((String) b.get(0), List.copyOf(uids.get(key)),
                        (String) b.get(1), (Instant) b.get(2))));
                return out;
            }
        });
    }

    @Override
    public void recordRun(Scope scope, Instant at, String error) {
        tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO extraction_run (org_id, project_id, run_at, error)"
                    + " KEY (org_id, project_id) VALUES (?, ?, ?, ?)")) {
                bindScope(ps, scope);
                ps.setObject(3, FactRows.utc(at));
                ps.setString(4, error);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<LastRun> lastRun(Scope scope) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_at, error FROM extraction_run"
                    + " WHERE org_id = ? AND project_id = ?")) {
                bindScope(ps, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new LastRun(FactRows.instant(rs, "run_at"), rs.getString("error")))
                            : Optional.<LastRun>empty();
                }
            }
        });
    }

    private static List<Long> uids(PreparedStatement ps) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static void bindSet(PreparedStatement ps, Scope scope, String setId) throws SQLException {
        bindScope(ps, scope);
        ps.setString(3, setId);
    }

    private static void bindScope(PreparedStatement ps, Scope scope) throws SQLException {
        ps.setString(1, scope.orgId());
        ps.setString(2, scope.projectId());
    }
}
