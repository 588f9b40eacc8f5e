package dev.engram.core.scope;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The reference meaning of a {@link Filter}, for in-memory filtering and as the oracle the
 * Cypher and SQL compilers are tested against. SQL's three-valued logic: a comparison with an
 * absent value is UNKNOWN, NOT UNKNOWN is UNKNOWN, and only TRUE matches.
 *
 * <p>Values, as {@code valueOf} returns them: String for text fields and metadata, Long for
 * {@code uid}, Instant for times, null when absent. Text compares with
 * {@link String#compareTo} (case-sensitive, UTF-16 order). A number compared with a metadata
 * value compares numerically when the value, trimmed, is a plain decimal number
 * ({@link #NUMERIC_TEXT}), and is UNKNOWN otherwise. Text compared with a metadata value
 * always compares as text, even if both look like numbers.
 */
public final class FilterEvaluator {
    /** Kleene's three truth values. */
    public enum Truth {
        TRUE, FALSE, UNKNOWN;

        public Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }

        static Truth of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /**
     * A metadata value compares with a number when it matches this (Java regex, usable as is by
     * H2's REGEXP_LIKE and Cypher's {@code =~}); it is then read as a double.
     */
    public static final Pattern NUMERIC_TEXT = Pattern.compile("\\s*-?[0-9]+(\\.[0-9]+)?\\s*");

    private FilterEvaluator() {
    }

    /** Whether the filter is TRUE for the values {@code valueOf} gives. */
    public static boolean matches(Filter filter, Function<FilterField, Object> valueOf) {
        return evaluate(filter, valueOf) == Truth.TRUE;
    }

    /** The filter's truth value for the values {@code valueOf} gives. */
    public static Truth evaluate(Filter filter, Function<FilterField, Object> valueOf) {
        return switch (filter) {
            case Filter.All a -> Truth.TRUE;
            case Filter.And a -> and(a.terms(), valueOf);
            case Filter.Or o -> or(o.terms(), valueOf);
            case Filter.Not n -> evaluate(n.term(), valueOf).not();
            case Filter.Compare c -> compare(valueOf.apply(c.field()), c.op(), c.value());
            case Filter.In in -> in(valueOf.apply(in.field()), in.values(), in.negated());
            case Filter.IsNull n -> Truth.of((valueOf.apply(n.field()) == null) != n.negated());
        };
    }

    private static Truth and(List<Filter> terms, Function<FilterField, Object> valueOf) {
        Truth result = Truth.TRUE;
        for (Filter term : terms) {
            Truth truth = evaluate(term, valueOf);
            if (truth == Truth.FALSE) {
                return Truth.FALSE;
            }
            if (truth == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    private static Truth or(List<Filter> terms, Function<FilterField, Object> valueOf) {
        Truth result = Truth.FALSE;
        for (Filter term : terms) {
            Truth truth = evaluate(term, valueOf);
            if (truth == Truth.TRUE) {
                return Truth.TRUE;
            }
            if (truth == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    private static Truth in(Object value, List<Literal> values, boolean negated) {
        Truth result = Truth.FALSE;
        for (Literal literal : values) {
            Truth truth = compare(value, Filter.Op.EQ, literal);
            if (truth == Truth.TRUE) {
                result = Truth.TRUE;
                break;
            }
            if (truth == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return negated ? result.not() : result;
    }

    /** One comparison; UNKNOWN when the value is absent or not comparable with the literal. */
    static Truth compare(Object value, Filter.Op op, Literal literal) {
        Integer order = order(value, literal);
        if (order == null) {
            return Truth.UNKNOWN;
        }
        int c = order;
        return Truth.of(switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            case GE -> c >= 0;
        });
    }

    /** The sign of value minus literal, or null when they do not compare. */
    private static Integer order(Object value, Literal literal) {
        return switch (literal) {
            case Literal.Text t -> value instanceof String s ? Integer.signum(s.compareTo(t.value())) : null;
            case Literal.Time t -> value instanceof Instant i ? i.compareTo(t.value()) : null;
            case Literal.Int n when value instanceof Long l -> Long.compare(l, n.value());
            case Literal.Int n -> numeric(value, n.value());
            case Literal.Decimal d -> numeric(value, d.value());
        };
    }

    private static Integer numeric(Object value, double literal) {
        if (!(value instanceof String s) || !NUMERIC_TEXT.matcher(s).matches()) {
            return null;
        }
        double number = Double.parseDouble(s.strip());
        return number < literal ? -1 : number > literal ? 1 : 0;
    }
}
