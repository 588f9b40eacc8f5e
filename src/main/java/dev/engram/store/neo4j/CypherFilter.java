package dev.engram.store.neo4j;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles a filter on episodes into a Cypher predicate over a node variable. The text comes
 * only from this class's templates and the fixed property names below; every value and every
 * metadata key travels as a parameter ({@code $f0}, {@code $f1}, ...). Cypher's null semantics
 * are SQL's three-valued logic, which is the filter language's meaning.
 */
final class CypherFilter {
    /** A plain decimal number, as {@code FilterEvaluator.NUMERIC_TEXT} reads numbers in metadata values. */
    static final String NUMBER_PATTERN = "\\s*-?[0-9]+(\\.[0-9]+)?\\s*";

    private final String variable;
    private final Map<String, Object> params;
    private final String prefix;
    private int next;

    private CypherFilter(String variable, Map<String, Object> params, String prefix) {
        this.variable = variable;
        this.params = params;
        this.prefix = prefix;
    }

    /**
     * The predicate for {@code filter} over {@code variable}, adding its parameters to
     * {@code params}; {@code "true"} for the empty filter.
     */
    static String compile(Filter filter, String variable, Map<String, Object> params) {
        return new CypherFilter(variable, params, "f").expression(filter);
    }

    private String expression(Filter filter) {
        return switch (filter) {
            case Filter.All all -> "true";
            case Filter.And and -> join(and.terms(), " AND ");
            case Filter.Or or -> join(or.terms(), " OR ");
            case Filter.Not not -> "(NOT " + expression(not.term()) + ")";
            case Filter.Compare c -> comparison(c);
            case Filter.In in -> membership(in);
            case Filter.IsNull n -> "(" + access(n.field(), false) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
        };
    }

    private String join(List<Filter> terms, String operator) {
        return terms.stream().map(this::expression).collect(Collectors.joining(operator, "(", ")"));
    }

    private String comparison(Filter.Compare c) {
        if (c.value() instanceof Literal.Time time && time.value().getNano() % 1_000_000 != 0) {
            return subMillisecondComparison(c.field(), c.op(), time);
        }
        String operator = c.op() == Filter.Op.NE ? "<>" : c.op().symbol();
        return "(" + access(c.field(), c.value().isNumber()) + " " + operator + " " + param(value(c.field(), c.value())) + ")";
    }

    /**
     * Times are stored in whole milliseconds, so a literal between two milliseconds equals no
     * stored time, and the inequalities round to the millisecond below it.
     */
    private String subMillisecondComparison(FilterField field, Filter.Op op, Literal.Time time) {
        String access = access(field, false);
        String floor = param(time.value().toEpochMilli());
        return switch (op) {
            case EQ -> "(" + access + " <> " + access + ")";
            case NE -> "(" + access + " = " + access + ")";
            case GT, GE -> "(" + access + " > " + floor + ")";
            case LT, LE -> "(" + access + " <= " + floor + ")";
        };
    }

    private String membership(Filter.In in) {
        boolean numeric = !in.values().isEmpty() && in.values().getFirst().isNumber();
        List<Object> values = in.values().stream().map(v -> value(in.field(), v)).toList();
        String test = access(in.field(), numeric) + " IN " + param(values);
        return in.negated() ? "(NOT (" + test + "))" : "(" + test + ")";
    }

    /** The expression reading a field; numeric metadata reads parse the stored string. */
    private String access(FilterField field, boolean numeric) {
        if (field.isMetadata()) {
            String key = param(EpisodeProperties.metadataProperty(field.metadataKey()));
            String raw = variable + "[" + key + "]";
            if (!numeric) {
                return raw;
            }
            return "(CASE WHEN " + raw + " =~ " + param(NUMBER_PATTERN) + " THEN toFloat(trim(" + raw + ")) END)";
        }
        if (!field.system().appliesTo(MemoryType.EPISODIC)) {
            throw new IllegalArgumentException("field " + field + " does not apply to episodes");
        }
        return variable + "." + EpisodeProperties.of(field.system());
    }

    private static Object value(FilterField field, Literal literal) {
        return switch (literal) {
            case Literal.Text t -> t.value();
            case Literal.Int i -> field.isMetadata() ? (double) i.value() : i.value();
            case Literal.Decimal d -> d.value();
            case Literal.Time t -> t.value().toEpochMilli();
        };
    }

    private String param(Object value) {
        String name = prefix + next++;
        params.put(name, value);
        return "$" + name;
    }
}
