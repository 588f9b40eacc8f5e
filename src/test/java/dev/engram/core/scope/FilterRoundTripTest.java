package dev.engram.core.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** describe then parse gives back the same filter, for randomly generated filters. */
class FilterRoundTripTest {
    private static final int CASES = 5000;
    private static final String TEXT_ALPHABET = "abcXYZ019 '\"\\%_-.:;()$,{}\n\t\u0000éß名😀שׁ\u200f";
    private static final String KEY_ALPHABET = "abkZ09_.-:éß名";

    private final Random random = new Random(42);

    @Test
    void describeThenParseGivesTheSameFilter() {
        int checked = 0;
        for (int i = 0; i < CASES; i++) {
            Filter filter = i % 500 == 0 ? Filter.ALL : filter(5);
            String text = Filters.describe(filter);
            if (text.length() > FilterParser.MAX_LENGTH) {
                continue;
            }
            assertThat(FilterParser.parse(text)).as("parse(%s)", text).isEqualTo(filter);
            checked++;
        }
        assertThat(checked).isGreaterThan(CASES * 9 / 10);
    }

    @Test
    void parseThenDescribeThenParseIsStableForRandomValidExpressions() {
        String[] tokens = {"(", ")", "NOT", "AND", "OR", "producer_id", "uid", "m.k", "created_at", "=", "<>", ">=",
            "IN ('a', b)", "NOT IN (1, 2)", "IS NULL", "IS NOT NULL", "'x''y'", "7", "1.50", "true", "date('2025-01-01')"};
        int parsed = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder expression = new StringBuilder();
            int length = 1 + random.nextInt(10);
            for (int j = 0; j < length; j++) {
                expression.append(tokens[random.nextInt(tokens.length)]).append(' ');
            }
            Filter filter;
            try {
                filter = FilterParser.parse(expression.toString());
            } catch (FilterSyntaxException e) {
                continue;
            }
            parsed++;
            assertThat(FilterParser.parse(Filters.describe(filter))).as("%s", expression).isEqualTo(filter);
        }
        assertThat(parsed).isGreaterThan(100);
    }

    private Filter filter(int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(4);
        return switch (choice) {
            case 1 -> new Filter.And(terms(depth - 1));
            case 2 -> new Filter.Or(terms(depth - 1));
            case 3 -> new Filter.Not(filter(depth - 1));
            default -> predicate();
        };
    }

    private List<Filter> terms(int depth) {
        List<Filter> terms = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            terms.add(filter(depth));
        }
        return terms;
    }

    private Filter predicate() {
        FilterField field = field();
        return switch (random.nextInt(3)) {
            case 0 -> new Filter.Compare(field, Filter.Op.values()[random.nextInt(6)], literal(field, random.nextBoolean()));
            case 1 -> {
                boolean numbers = random.nextBoolean();
                List<Literal> values = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    values.add(literal(field, numbers));
                }
                yield new Filter.In(field, values, random.nextBoolean());
            }
            default -> new Filter.IsNull(field, random.nextBoolean());
        };
    }

    private FilterField field() {
        SystemField[] fields = SystemField.values();
        int choice = random.nextInt(fields.length + 3);
        return choice < fields.length ? FilterField.of(fields[choice]) : FilterField.metadata(text(KEY_ALPHABET, 1, 12));
    }

    /** A literal as the parser would type it for the field; metadata gets numbers or text. */
    private Literal literal(FilterField field, boolean number) {
        if (field.isMetadata()) {
            if (!number) {
                return Literal.text(text(TEXT_ALPHABET, 0, 16));
            }
            return random.nextBoolean() ? new Literal.Int(randomLong()) : new Literal.Decimal(decimal());
        }
        return switch (field.system().kind()) {
            case TEXT -> Literal.text(text(TEXT_ALPHABET, 0, 16));
            case INTEGER -> new Literal.Int(randomLong());
            case TIME -> new Literal.Time(Instant.ofEpochSecond(
                    random.nextLong(-100_000_000_000L, 400_000_000_000L), random.nextInt(1_000_000_000)));
        };
    }

    private long randomLong() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextInt(-10, 10);
            case 2 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            default -> random.nextInt();
        };
    }

    private double decimal() {
        double value = switch (random.nextInt(4)) {
            case 0 -> random.nextDouble();
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-20, 40));
            case 2 -> random.nextInt(-1000, 1000) / 4.0;
            default -> Double.longBitsToDouble(random.nextLong()) % 1e50;
        };
        return Double.isFinite(value) && value != 0.0 ? value : 0.0;
    }

    private String text(String alphabet, int min, int max) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return out.toString();
    }
}
