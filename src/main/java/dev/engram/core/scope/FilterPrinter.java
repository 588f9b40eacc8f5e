package dev.engram.core.scope;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a filter in the filter language: canonical field names, {@code m.<key>} for
 * metadata, single-quoted text with {@code ''} escapes, {@code date('...')} for times. Parsing
 * the result gives the same filter for every filter the parser produces.
 */
final class FilterPrinter {
    /** A condition that is never true, for {@code NOT} of the empty filter (which has no syntax). */
    private static final String NEVER = "NOT (uid IS NULL OR uid IS NOT NULL)";

    private FilterPrinter() {
    }

    static String describe(Filter filter) {
        StringBuilder out = new StringBuilder();
        print(simplify(filter), out);
        return out.toString();
    }

    /**
     * Removes {@link Filter.All} from inside compound filters (it has no syntax there) and
     * unwraps AND/OR of one term; the meaning is unchanged.
     */
    private static Filter simplify(Filter filter) {
        return switch (filter) {
            case Filter.And a -> {
                List<Filter> terms = new ArrayList<>();
                for (Filter term : a.terms()) {
                    Filter simple = simplify(term);
                    if (!simple.isAll()) {
                        terms.add(simple);
                    }
                }
                yield terms.isEmpty() ? Filter.ALL : terms.size() == 1 ? terms.getFirst() : new Filter.And(terms);
            }
            case Filter.Or o -> {
                List<Filter> terms = new ArrayList<>();
                for (Filter term : o.terms()) {
                    Filter simple = simplify(term);
                    if (simple.isAll()) {
                        yield Filter.ALL;
                    }
                    terms.add(simple);
                }
                yield terms.size() == 1 ? terms.getFirst() : new Filter.Or(terms);
            }
            case Filter.Not n -> new Filter.Not(simplify(n.term()));
            default -> filter;
        };
    }

    private static void print(Filter filter, StringBuilder out) {
        switch (filter) {
            case Filter.All a -> { }
            case Filter.And a -> join(a.terms(), " AND ", out);
            case Filter.Or o -> {
                if (o.terms().isEmpty()) {
                    out.append(NEVER);
                }
                join(o.terms(), " OR ", out);
            }
            case Filter.Not n -> {
                if (n.term().isAll()) {
                    out.append(NEVER);
                } else {
                    out.append("NOT ");
                    printTerm(n.term(), out);
                }
            }
            case Filter.Compare c -> out.append(c.field().displayName()).append(' ').append(c.op().symbol())
                    .append(' ').append(literal(c.value()));
            case Filter.In in -> {
                out.append(in.field().displayName()).append(in.negated() ? " NOT IN (" : " IN (");
                for (int i = 0; i < in.values().size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(literal(in.values().get(i)));
                }
                out.append(')');
            }
            case Filter.IsNull n ->
                    out.append(n.field().displayName()).append(n.negated() ? " IS NOT NULL" : " IS NULL");
        }
    }

    private static void join(List<Filter> terms, String separator, StringBuilder out) {
        for (int i = 0; i < terms.size(); i++) {
            out.append(i == 0 ? "" : separator);
            printTerm(terms.get(i), out);
        }
    }

    /** A term of AND, OR or NOT: compound terms are parenthesized. */
    private static void printTerm(Filter term, StringBuilder out) {
        boolean compound = term instanceof Filter.And || term instanceof Filter.Or;
        out.append(compound ? "(" : "");
        print(term, out);
        out.append(compound ? ")" : "");
    }

    static String literal(Literal literal) {
        return switch (literal) {
            case Literal.Text t -> "'" + t.value().replace("'", "''") + "'";
            case Literal.Int i -> Long.toString(i.value());
            case Literal.Decimal d -> FilterValues.decimalText(d.value());
            case Literal.Time t -> "date('" + t.value() + "')";
        };
    }
}
