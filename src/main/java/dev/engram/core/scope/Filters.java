package dev.engram.core.scope;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.FilterValues.Form;
import dev.engram.core.scope.FilterValues.Raw;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Building, splitting and rendering filters. */
public final class Filters {
    private static final int MAX_DESCRIBED_PART = 200;

    private Filters() {
    }

    /**
     * The dict form of a filter: the AND of one condition per entry. A String value is an
     * equality (typed like a quoted string), an integral Number or a Boolean is typed like the
     * unquoted literal, a List is IN, null is IS NULL. Keys are field names as in the language.
     * An empty or null map gives {@link Filter#ALL}.
     *
     * @throws InvalidInputException naming {@code filter.<key>} for an unknown key or a bad value
     */
    public static Filter fromMap(Map<String, ?> dict) {
        if (dict == null || dict.isEmpty()) {
            return Filter.ALL;
        }
        if (dict.size() > FilterParser.MAX_COMPARISONS) {
            throw new InvalidInputException("filter",
                    "at most " + FilterParser.MAX_COMPARISONS + " entries are allowed");
        }
        List<Filter> terms = new ArrayList<>();
        dict.forEach((key, value) -> {
            String name = "filter." + key;
            try {
                terms.add(condition(FieldNames.resolve(String.valueOf(key)), name, value));
            } catch (FilterValues.Problem p) {
                throw new InvalidInputException(name, p.problem + "; " + p.expected);
            }
        });
        return terms.size() == 1 ? terms.getFirst() : new Filter.And(terms);
    }

    private static Filter condition(FilterField field, String name, Object value) {
        if (value == null) {
            return new Filter.IsNull(field, false);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new InvalidInputException(name, "empty list; expected at least one value");
            }
            if (list.size() > FilterParser.MAX_IN_VALUES) {
                throw new InvalidInputException(name, "list too long; expected at most "
                        + FilterParser.MAX_IN_VALUES + " values");
            }
            List<Literal> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Raw raw = raw(list.get(i));
                if (raw == null) {
                    throw new InvalidInputException(name + "[" + i + "]", "unsupported value " + kind(list.get(i))
                            + "; expected a string, an integer, a number or a boolean");
                }
                values.add(FilterValues.type(field, raw));
            }
            FilterValues.checkList(field, values);
            return new Filter.In(field, values, false);
        }
        Raw raw = raw(value);
        if (raw == null) {
            throw new InvalidInputException(name, "unsupported value " + kind(value)
                    + "; expected a string, an integer, a number, a boolean, a list of them or null");
        }
        return new Filter.Compare(field, Filter.Op.EQ, FilterValues.type(field, raw));
    }

    /** A dict value as the literal it stands for, or null when it has no literal form. */
    private static Raw raw(Object value) {
        return switch (value) {
            case String s -> new Raw(Form.QUOTED, s);
            case Boolean b -> new Raw(Form.WORD, b.toString());
            case Long l -> new Raw(Form.WORD, l.toString());
            case Integer i -> new Raw(Form.WORD, i.toString());
            case Short s -> new Raw(Form.WORD, s.toString());
            case Byte b -> new Raw(Form.WORD, b.toString());
            case BigInteger b -> new Raw(Form.WORD, b.toString());
            case Double d when Double.isFinite(d) -> new Raw(Form.WORD, FilterValues.decimalText(d));
            case Float f when Float.isFinite(f) -> new Raw(Form.WORD, FilterValues.decimalText(f));
            case BigDecimal b -> new Raw(Form.WORD, FilterValues.decimalText(b.doubleValue()));
            case null, default -> null;
        };
    }

    private static String kind(Object value) {
        return value == null ? "null" : value instanceof Map<?, ?> ? "(a nested object)"
                : Ids.quote(String.valueOf(value)) + " (" + value.getClass().getSimpleName() + ")";
    }

    /**
     * The part of a filter that applies to one memory type. Top-level AND terms whose fields all
     * apply to the type are kept; those whose fields all do not are dropped (the other type
     * applies them); a term mixing both (inside OR or NOT) is an error.
     *
     * @throws InvalidInputException (field {@code filter}) for a term that mixes fields only one
     *     memory type has with fields the other type has
     */
    public static Filter restrictTo(Filter filter, MemoryType type) {
        List<Filter> conjuncts = new ArrayList<>();
        flattenAnd(filter, conjuncts);
        List<Filter> kept = new ArrayList<>();
        for (Filter conjunct : conjuncts) {
            Set<FilterField> fields = conjunct.fields();
            boolean any = fields.stream().anyMatch(f -> f.appliesTo(type));
            boolean all = fields.stream().allMatch(f -> f.appliesTo(type));
            if (all) {
                kept.add(conjunct);
            } else if (any) {
                throw mixed(conjunct, type);
            }
        }
        if (kept.size() == conjuncts.size() && !filter.isAll()) {
            return filter;
        }
        return kept.isEmpty() ? Filter.ALL : kept.size() == 1 ? kept.getFirst() : new Filter.And(kept);
    }

    private static void flattenAnd(Filter filter, List<Filter> out) {
        switch (filter) {
            case Filter.All a -> { }
            case Filter.And a -> a.terms().forEach(t -> flattenAnd(t, out));
            default -> out.add(filter);
        }
    }

    private static InvalidInputException mixed(Filter conjunct, MemoryType type) {
        MemoryType other = type == MemoryType.EPISODIC ? MemoryType.SEMANTIC : MemoryType.EPISODIC;
        Set<String> missing = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (FilterField field : conjunct.fields()) {
            (field.appliesTo(type) ? present : missing).add(field.displayName());
        }
        String part = describe(conjunct);
        if (part.length() > MAX_DESCRIBED_PART) {
            part = part.substring(0, MAX_DESCRIBED_PART) + "...";
        }
        return new InvalidInputException("filter", "the condition " + part + " combines "
                + String.join(", ", missing) + " (only " + other.wireName() + " memories have "
                + (missing.size() == 1 ? "it" : "them") + ") with " + String.join(", ", present) + " (which "
                + type.wireName() + " memories have) inside OR or NOT, so it cannot be applied to "
                + type.wireName() + " memories; split the filter into AND-ed conditions that each use one memory"
                + " type's fields, or set types to [\"" + other.wireName() + "\"] or [\"" + type.wireName() + "\"]");
    }

    /**
     * The filter in the filter language, with canonical field names; {@code FilterParser.parse}
     * of the result equals the filter for every filter the parser produces. {@link Filter#ALL}
     * is the empty string.
     */
    public static String describe(Filter filter) {
        return FilterPrinter.describe(filter);
    }
}
