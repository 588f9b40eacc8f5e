package dev.engram.store.h2;

import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The test oracle: the filter language's meaning over a fact, evaluated in Java with SQL's
 * three-valued logic (null = unknown). A comparison with a missing value is unknown, unknown
 * never matches, IS NULL is never unknown, a number compares with metadata only when the stored
 * value is a plain decimal number.
 */
final class FilterOracle {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private FilterOracle() {
    }

    static boolean matches(Filter filter, ProfileFact fact) {
        return evaluate(filter, fact) == Boolean.TRUE;
    }

    static Boolean evaluate(Filter filter, ProfileFact fact) {
        return switch (filter) {
            case Filter.All all -> true;
            case Filter.And and -> {
                boolean unknown = false;
                for (Filter term : and.terms()) {
                    Boolean value = evaluate(term, fact);
                    if (value == Boolean.FALSE) {
                        yield false;
                    }
                    unknown |= value == null;
                }
                yield unknown ? null : true;
            }
            case Filter.Or or -> {
                boolean unknown = false;
                for (Filter term : or.terms()) {
                    Boolean value = evaluate(term, fact);
                    if (value == Boolean.TRUE) {
                        yield true;
                    }
                    unknown |= value == null;
                }
                yield unknown ? null : false;
            }
            case Filter.Not not -> negate(evaluate(not.term(), fact));
            case Filter.Compare compare -> compare(fact, compare.field(), compare.op(), compare.value());
            case Filter.In in -> {
                boolean unknown = false;
                Boolean found = false;
                for (Literal value : in.values()) {
                    Boolean equal = compare(fact, in.field(), Filter.Op.EQ, value);
                    if (equal == Boolean.TRUE) {
                        found = true;
                        break;
                    }
                    unknown |= equal == null;
                }
                if (found == Boolean.FALSE && unknown) {
                    found = null;
                }
                yield in.negated() ? negate(found) : found;
            }
            case Filter.IsNull isNull -> (raw(fact, isNull.field()) == null) != isNull.negated();
        };
    }

    private static Boolean negate(Boolean value) {
        return value == null ? null : !value;
    }

    private static Boolean compare(ProfileFact fact, FilterField field, Filter.Op op, Literal literal) {
        Object left = raw(fact, field);
        if (left == null) {
            return null;
        }
        int order;
        if (field.isMetadata() && literal.isNumber()) {
            String text = (String) left;
            if (!PLAIN_NUMBER.matcher(text).matches()) {
                return null;
            }
            double right = literal instanceof Literal.Int i ? (double) i.value() : ((Literal.Decimal) literal).value();
            order = Double.compare(Double.parseDouble(text) + 0.0, right + 0.0);
        } else if (left instanceof Instant instant) {
            order = instant.compareTo(((Literal.Time) literal).value());
        } else {
            order = ((String) left).compareTo(((Literal.Text) literal).value());
        }
        return switch (op) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case GT -> order > 0;
            case LE -> order <= 0;
            case GE -> order >= 0;
        };
    }

    private static Object raw(ProfileFact fact, FilterField field) {
        if (field.isMetadata()) {
            return fact.metadata().get(field.metadataKey());
        }
        return switch (field.system()) {
            case SET_ID -> fact.setId();
            case PRODUCER -> fact.producer();
            case CATEGORY -> fact.category();
            case TAG -> fact.tag();
            case FEATURE -> fact.feature();
            case VALUE -> fact.value();
            case CREATED_AT -> fact.createdAt();
            case UPDATED_AT -> fact.updatedAt();
            default -> throw new IllegalArgumentException("not a fact field: " + field);
        };
    }
}
