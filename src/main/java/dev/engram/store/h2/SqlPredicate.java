package dev.engram.store.h2;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A compiled filter: SQL text that holds only fixed column names, operators and {@code ?}
 * placeholders, and the values to bind to them, in order.
 */
record SqlPredicate(String sql, List<Object> parameters) {
    static final SqlPredicate TRUE = new SqlPredicate("TRUE", List.of());

    SqlPredicate {
        parameters = List.copyOf(parameters);
    }

    /** Binds the parameters from {@code first} on; returns the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
