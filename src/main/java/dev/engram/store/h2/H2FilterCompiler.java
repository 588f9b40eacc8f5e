package dev.engram.store.h2;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.SystemField;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a filter over profile facts to a parameterized SQL predicate on {@code facts f}.
 * Field names go through a whitelist of fixed columns; every value and every metadata key is a
 * bind parameter, never SQL text. A metadata field {@code m.<key>} is a scalar subquery, so a
 * missing key is NULL and SQL's three-valued logic gives the filter language's meaning:
 * comparing with a missing value is unknown, unknown never matches, IS NULL is never unknown.
 * A number compared with metadata compares numerically with values that are plain decimal
 * numbers ({@code FilterEvaluator.NUMERIC_TEXT}: surrounding whitespace allowed) and is unknown for any other value.
 */
final class H2FilterCompiler {
    private static final String METADATA_TEXT =
            "(SELECT m.meta_value FROM fact_metadata m WHERE m.fact_id = f.id AND m.meta_key = ?)";
    private static final String METADATA_NUMBER = "(SELECT CASE WHEN REGEXP_LIKE(m.meta_value,"
            + " '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*\\z') THEN CAST(REGEXP_REPLACE(m.meta_value, '\\s', '') AS DOUBLE) END"
            + " FROM fact_metadata m WHERE m.fact_id = f.id AND m.meta_key = ?)";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private H2FilterCompiler() {
    }

    /**
     * Compiles the filter. Throws IllegalArgumentException for a field that facts do not
     * carry (the caller restricts filters per memory type first) or a literal of the wrong type.
     */
    static SqlPredicate compile(Filter filter) {
        if (filter == null || filter.isAll()) {
            return SqlPredicate.TRUE;
        }
        H2FilterCompiler compiler = new H2FilterCompiler();
        compiler.append(filter);
        return new SqlPredicate(compiler.sql.toString(), compiler.parameters);
    }

    private void append(Filter filter) {
        switch (filter) {
            case Filter.All all -> sql.append("TRUE");
            case Filter.And and -> junction(and.terms(), " AND ", "TRUE");
            case Filter.Or or -> junction(or.terms(), " OR ", "FALSE");
            case Filter.Not not -> {
                sql.append("NOT (");
                append(not.term());
                sql.append(')');
            }
            case Filter.Compare compare -> {
                boolean numeric = operand(compare.field(), compare.value());
                sql.append(' ').append(operator(compare.op())).append(" ?");
                parameters.add(bindValue(compare.field(), compare.value(), numeric));
            }
            case Filter.In in -> in(in);
            case Filter.IsNull isNull -> {
                operand(isNull.field(), null);
                sql.append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
            }
        }
    }

    private void junction(List<Filter> terms, String joiner, String empty) {
        if (terms.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            append(terms.get(i));
        }
        sql.append(')');
    }

    /** {@code x IN (a, b)} is {@code x = a OR x = b} in SQL's logic; NOT IN is its negation. */
    private void in(Filter.In in) {
        List<Literal> texts = in.values().stream().filter(v -> !v.isNumber()).toList();
        List<Literal> numbers = in.values().stream().filter(Literal::isNumber).toList();
        if (in.values().isEmpty()) {
            sql.append(in.negated() ? "TRUE" : "FALSE");
            return;
        }
        sql.append(in.negated() ? "NOT (" : "(");
        if (!texts.isEmpty()) {
            inList(in.field(), texts);
        }
        if (!texts.isEmpty() && !numbers.isEmpty()) {
            sql.append(" OR ");
        }
        if (!numbers.isEmpty()) {
            inList(in.field(), numbers);
        }
        sql.append(')');
    }

    private void inList(FilterField field, List<Literal> values) {
        boolean numeric = operand(field, values.getFirst());
        sql.append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i > 0 ? ", ?" : "?");
            parameters.add(bindValue(field, values.get(i), numeric));
        }
        sql.append(')');
    }

    /** Appends the field's SQL expression; returns whether it is the numeric metadata view. */
    private boolean operand(FilterField field, Literal compared) {
        if (field.isMetadata()) {
            boolean numeric = compared != null && compared.isNumber();
            sql.append(numeric ? METADATA_NUMBER : METADATA_TEXT);
            parameters.add(field.metadataKey());
            return numeric;
        }
        sql.append(column(field.system()));
        return false;
    }

    /** The whitelist: the only column names that can reach SQL text. */
    static String column(SystemField field) {
        if (!field.appliesTo(MemoryType.SEMANTIC)) {
            throw new IllegalArgumentException("profile facts have no field '" + field.canonicalName()
                    + "'; restrict the filter to semantic fields before it reaches the store");
        }
        return switch (field) {
            case SET_ID -> "f.set_id";
            case PRODUCER -> "f.producer";
            case CATEGORY -> "f.category";
            case TAG -> "f.tag";
            case FEATURE -> "f.feature";
            case VALUE -> "f.fact_value";
            case CREATED_AT -> "f.created_at";
            case UPDATED_AT -> "f.updated_at";
            case UID, PRODUCED_FOR, ROLE, EPISODE_TYPE -> throw new IllegalArgumentException(
                    "no fact column for field '" + field.canonicalName() + "'");
        };
    }

    private static String operator(Filter.Op op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case GT -> ">";
            case LE -> "<=";
            case GE -> ">=";
        };
    }

    private static Object bindValue(FilterField field, Literal literal, boolean numeric) {
        if (literal == null) {
            throw new IllegalArgumentException("filter on '" + field + "' has no value");
        }
        if (field.isMetadata()) {
            return switch (literal) {
                case Literal.Text text when !numeric -> text.value();
                case Literal.Int number when numeric -> (double) number.value();
                case Literal.Decimal number when numeric && Double.isFinite(number.value()) -> number.value();
                default -> throw wrongLiteral(field, literal, "text or a finite number");
            };
        }
        return switch (field.system().kind()) {
            case TEXT -> literal instanceof Literal.Text text ? text.value() : throwWrong(field, literal, "text");
            case TIME -> literal instanceof Literal.Time time
                    ? OffsetDateTime.ofInstant(time.value(), ZoneOffset.UTC)
                    : throwWrong(field, literal, "a time");
            case INTEGER -> throwWrong(field, literal, "no integer field on facts");
        };
    }

    private static Object throwWrong(FilterField field, Literal literal, String expected) {
        throw wrongLiteral(field, literal, expected);
    }

    private static IllegalArgumentException wrongLiteral(FilterField field, Literal literal, String expected) {
        return new IllegalArgumentException("filter field '" + field + "' cannot be compared with "
                + literal + " (expected " + expected + "); the parser types literals per field");
    }
}
