package dev.engram.store.h2;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.SystemField;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random filter ASTs over the vocabulary {@link ScopeIsolationPropertyTest} stores. */
final class RandomFilters {
    static final String[] PRODUCERS = {"alice", "bob", "carol", null};
    static final String[] CATEGORIES = {"profile", "work"};
    static final String[] TAGS = {"Hobbies", "Food", "Travel", "Tech"};
    static final String[] FEATURES = {"likes", "dislikes", "seat", "editor", "city", "pet"};
    static final String[] VALUES = {"tea", "coffee", "aisle", "window", "vim", "Zürich", "東京", "it's", "A", "a"};
    static final String[] METADATA_KEYS = {"k1", "k2", "num"};
    static final String[] METADATA_TEXTS = {"red", "green", "Blue", "ß", "x'y"};
    static final String[] METADATA_NUMBERS = {"1", "2", "10", "-3", "2.5", "007", "n/a", "1e2"};
    private static final SystemField[] FIELDS = {SystemField.SET_ID, SystemField.PRODUCER, SystemField.CATEGORY,
        SystemField.TAG, SystemField.FEATURE, SystemField.VALUE, SystemField.CREATED_AT, SystemField.UPDATED_AT};

    private final Random random;
    private final List<String> setIds;
    private final Instant from;
    private final Instant to;

    RandomFilters(Random random, List<String> setIds, Instant from, Instant to) {
        this.random = random;
        this.setIds = setIds;
        this.from = from;
        this.to = to;
    }

    Filter next() {
        return filter(random.nextInt(4));
    }

    private Filter filter(int depth) {
        int kind = random.nextInt(depth <= 0 ? 3 : 6);
        return switch (kind) {
            case 0 -> compare();
            case 1 -> in();
            case 2 -> new Filter.IsNull(field(), random.nextBoolean());
            case 3 -> new Filter.Not(filter(depth - 1));
            case 4 -> new Filter.And(terms(depth));
            default -> new Filter.Or(terms(depth));
        };
    }

    private List<Filter> terms(int depth) {
        List<Filter> terms = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            terms.add(filter(depth - 1));
        }
        return terms;
    }

    private Filter compare() {
        FilterField field = field();
        return new Filter.Compare(field, op(), literal(field));
    }

    private Filter in() {
        FilterField field = field();
        List<Literal> values = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            values.add(literal(field));
        }
        return new Filter.In(field, values, random.nextBoolean());
    }

    private Filter.Op op() {
        return Filter.Op.values()[random.nextInt(Filter.Op.values().length)];
    }

    private FilterField field() {
        if (random.nextInt(3) == 0) {
            return FilterField.metadata(random.nextInt(8) == 0 ? "absent" : pick(METADATA_KEYS));
        }
        return FilterField.of(FIELDS[random.nextInt(FIELDS.length)]);
    }

    private Literal literal(FilterField field) {
        if (field.isMetadata()) {
            return switch (random.nextInt(4)) {
                case 0 -> Literal.text(pick(METADATA_TEXTS));
                case 1 -> Literal.text(pick(METADATA_NUMBERS));
                case 2 -> new Literal.Int(random.nextInt(13) - 4);
                default -> new Literal.Decimal((random.nextInt(60) - 10) / 4.0);
            };
        }
        return switch (field.system()) {
            case CREATED_AT, UPDATED_AT -> new Literal.Time(time());
            case SET_ID -> Literal.text(random.nextInt(5) == 0 ? "set-none" : setIds.get(random.nextInt(setIds.size())));
            case PRODUCER -> Literal.text(random.nextInt(5) == 0 ? "dave" : PRODUCERS[random.nextInt(3)]);
            case CATEGORY -> Literal.text(pick(CATEGORIES));
            case TAG -> Literal.text(pick(TAGS));
            case FEATURE -> Literal.text(pick(FEATURES));
            default -> Literal.text(random.nextInt(6) == 0 ? "m" : pick(VALUES));
        };
    }

    private Instant time() {
        long span = ChronoUnit.MICROS.between(from, to);
        return from.plus(random.nextLong(-span / 10, span + span / 10), ChronoUnit.MICROS);
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
