package dev.engram.store.h2;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.MemoryType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a filter on facts into a SQL predicate over {@code fact f}. The SQL text comes only
 * from this class's templates and the fixed column names; values and metadata keys are bound
 * parameters. A missing metadata key reads as NULL, so SQL's three-valued logic is exactly the
 * filter language's meaning.
 */
final class H2FilterCompiler {
    private static final String NUMBER = "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$";

    private final List<Object> params;

    private H2FilterCompiler(List<Object> params) {
        this.params = params;
    }

    /** The predicate for {@code filter}, appending its parameters to {@code params} in order. */
    static String compile(Filter filter, List<Object> params) {
        return new H2FilterCompiler(params).expression(filter);
    }

    private String expression(Filter filter) {
        return switch (filter) {
            case Filter.All all -> "TRUE";
            case Filter.And and -> and.terms().isEmpty() ? "TRUE" : join(and.terms(), " AND ");
            case Filter.Or or -> or.terms().isEmpty() ? "FALSE" : join(or.terms(), " OR ");
            case Filter.Not not -> "(NOT " + expression(not.term()) + ")";
            case Filter.Compare c -> "(" + access(c.field(), c.value().isNumber()) + " "
                    + (c.op() == Filter.Op.NE ? "<>" : c.op().symbol()) + " " + bind(c.field(), c.value()) + ")";
            case Filter.In in -> membership(in);
            case Filter.IsNull n -> "(" + access(n.field(), false) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
        };
    }

    private String join(List<Filter> terms, String operator) {
        return terms.stream().map(this::expression).collect(Collectors.joining(operator, "(", ")"));
    }

    private String membership(Filter.In in) {
        boolean numeric = !in.values().isEmpty() && in.values().getFirst().isNumber();
        String access = access(in.field(), numeric);
        String list = in.values().stream().map(v -> bind(in.field(), v)).collect(Collectors.joining(", ", "(", ")"));
        String test = access + " IN " + list;
        return in.negated() ? "(NOT (" + test + "))" : "(" + test + ")";
    }

    private String access(FilterField field, boolean numeric) {
        if (field.isMetadata()) {
            if (!numeric) {
                return metadataValue(field.metadataKey());
            }
            // parameters are added in the order their placeholders appear: key, pattern, key
            String tested = metadataValue(field.metadataKey());
            params.add(NUMBER);
            String converted = metadataValue(field.metadataKey());
            return "(CASE WHEN REGEXP_LIKE(" + tested + ", ?) THEN CAST(REGEXP_REPLACE(" + converted
                    + ", '\\s', '') AS DOUBLE PRECISION) END)";
        }
        if (!field.system().appliesTo(MemoryType.SEMANTIC)) {
            throw new IllegalArgumentException("field " + field + " does not apply to facts");
        }
        return switch (field.system()) {
            case PRODUCER -> "f.producer";
            case SET_ID -> "f.set_id";
            case CATEGORY -> "f.category";
            case TAG -> "f.tag";
            case FEATURE -> "f.feature";
            case VALUE -> "f.fact_value";
            case CREATED_AT -> "f.created_at";
            case UPDATED_AT -> "f.updated_at";
            default -> throw new IllegalArgumentException("field " + field + " does not apply to facts");
        };
    }

    private String metadataValue(String key) {
        params.add(key);
        return "(SELECT m.meta_value FROM fact_metadata m WHERE m.fact_id = f.id AND m.meta_key = ?)";
    }

    private String bind(FilterField field, Literal literal) {
        params.add(switch (literal) {
            case Literal.Text t -> t.value();
            case Literal.Int i -> field.isMetadata() ? (Object) (double) i.value() : (Object) i.value();
            case Literal.Decimal d -> d.value();
            case Literal.Time t -> OffsetDateTime.ofInstant(t.value(), ZoneOffset.UTC);
        });
        return "?";
    }
}
