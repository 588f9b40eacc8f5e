package dev.engram.store.h2;

import dev.engram.core.ConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Small JDBC helpers of the semantic configuration store. */
final class SqlSupport {
    /** Keys of a set type or set, stored sorted and joined by the unit separator. */
    static final String KEY_SEPARATOR = "\u001f";
    private static final String UNIQUE_VIOLATION = "23505";

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Statement<T> {
        T run() throws SQLException;
    }

    private SqlSupport() {
    }

    static String joinKeys(List<String> keys) {
        return String.join(KEY_SEPARATOR, keys);
    }

    static List<String> splitKeys(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(KEY_SEPARATOR, -1));
    }

    static <T> List<T> rows(PreparedStatement ps, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    static <T> Optional<T> first(PreparedStatement ps, Row<T> row) throws SQLException {
        return rows(ps, row).stream().findFirst();
    }

    /** Binds the values from the first parameter on. */
    static PreparedStatement bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        return ps;
    }

    /** Runs an insert; a unique-key violation (a concurrent twin) becomes the conflict. */
    static <T> T unique(Statement<T> insert, Supplier<ConflictException> conflict) throws SQLException {
        try {
            return insert.run();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw conflict.get();
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static long generatedId(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
