package dev.engram.core.scope;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed filter expression (MemMachine's filter language, or its dict form). Stores compile
 * it to parameterized queries; {@link FilterEvaluator} gives its reference meaning. Comparisons
 * follow SQL's three-valued logic: a missing field is unknown, and unknown never matches.
 */
public sealed interface Filter {

    /** Comparison operators. */
    enum Op {
        EQ("="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Matches everything: the empty filter. */
    record All() implements Filter {
    }

    record And(List<Filter> terms) implements Filter {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<Filter> terms) implements Filter {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not(Filter term) implements Filter {
    }

    record Compare(FilterField field, Op op, Literal value) implements Filter {
    }

    record In(FilterField field, List<Literal> values, boolean negated) implements Filter {
        public In {
            values = List.copyOf(values);
        }
    }

    record IsNull(FilterField field, boolean negated) implements Filter {
    }

    Filter ALL = new All();

    static Filter all() {
        return ALL;
    }

    static Filter and(Filter left, Filter right) {
        if (left instanceof All) {
            return right;
        }
        if (right instanceof All) {
            return left;
        }
        return new And(List.of(left, right));
    }

    default boolean isAll() {
        return this instanceof All;
    }

    /** Every field the filter names. */
    default Set<FilterField> fields() {
        Set<FilterField> out = new LinkedHashSet<>();
        collectFields(this, out);
        return out;
    }

    private static void collectFields(Filter filter, Set<FilterField> out) {
        switch (filter) {
            case All a -> { }
            case And a -> a.terms().forEach(t -> collectFields(t, out));
            case Or o -> o.terms().forEach(t -> collectFields(t, out));
            case Not n -> collectFields(n.term(), out);
            case Compare c -> out.add(c.field());
            case In i -> out.add(i.field());
            case IsNull n -> out.add(n.field());
        }
    }
}
