package dev.engram.store.h2;

import dev.engram.core.ingest.ShortTermSummary;
import dev.engram.core.ingest.SummaryStore;
import dev.engram.core.scope.Scope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SummaryStore} on the embedded H2 database: one row per (org, project, producer). Every
 * call is one short transaction with parameters; times are kept in UTC at microsecond precision.
 */
public final class H2SummaryStore implements SummaryStore {
    private static final String COLUMNS = "org_id, project_id, producer, summary, folded_through, folded_count, updated_at";
    private static final String SCOPE = " FROM short_term_summary WHERE org_id = ? AND project_id = ?";

    private final Transactions tx;

    public H2SummaryStore(H2Database database) {
        this.tx = new Transactions(Objects.requireNonNull(database, "database"));
    }

    @Override
    public Optional<ShortTermSummary> get(Scope scope, String producer) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(producer, "producer");
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + SCOPE + " AND producer = ?")) {
                bindScope(ps, scope);
                ps.setString(3, producer);
                List<ShortTermSummary> found = rows(ps);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public void put(ShortTermSummary summary) {
        Objects.requireNonNull(summary, "summary");
        tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO short_term_summary (" + COLUMNS + ")"
                    + " KEY (org_id, project_id, producer) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bindScope(ps, summary.scope());
                ps.setString(3, summary.producer());
                ps.setString(4, summary.text());
                ps.setLong(5, summary.foldedThrough());
                ps.setLong(6, summary.foldedCount());
                ps.setObject(7, OffsetDateTime.ofInstant(summary.updatedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ShortTermSummary> all(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + SCOPE
                    + " ORDER BY updated_at DESC, producer")) {
                bindScope(ps, scope);
                return rows(ps);
            }
        });
    }

    @Override
    public boolean delete(Scope scope, String producer) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(producer, "producer");
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE" + SCOPE + " AND producer = ?")) {
                bindScope(ps, scope);
                ps.setString(3, producer);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int deleteAll(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE" + SCOPE)) {
                bindScope(ps, scope);
                return ps.executeUpdate();
            }
        });
    }

    private static void bindScope(PreparedStatement ps, Scope scope) throws SQLException {
        ps.setString(1, scope.orgId());
        ps.setString(2, scope.projectId());
    }

    private static List<ShortTermSummary> rows(PreparedStatement ps) throws SQLException {
        List<ShortTermSummary> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ShortTermSummary(new Scope(rs.getString(1), rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
        }
        return out;
    }
}
