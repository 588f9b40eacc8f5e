package dev.engram.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.PageRequest;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.Scope;
import dev.engram.core.scope.SystemField;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled filters run on H2 against a fixed set of facts and agree with the 3VL oracle. */
class H2FilterSemanticsTest {
    static final String HOSTILE = H2FilterCompilerTest.HOSTILE;
    static final Scope SCOPE = Scope.of("filters", "semantics");
    static final Scope DECOY = Scope.of("filters", "decoy");
    static final PageRequest ALL = new PageRequest(10_000, 0);
    static final String[] VALUES = {"aisle", "window", "Window", "ä-umlaut", "日本語", "🙂 smile", HOSTILE, "it's",
        "back\\slash", "100%_off", "z"};
    static final String[] PRODUCERS = {"alice", "bob", null, "carol@example.com"};
    static final String[] NUMBERS = {"10", "9", "-2.5", "007", "3.50", "abc", "1e3", "", "-0", " 5",
        "12345678901234567890", "12\n", null};
    static final String[] TEXTS = {"red", "Red", "blue", "日本", HOSTILE, null};

    @TempDir
    static Path dir;
    static H2Database database;
    static H2ProfileStore store;
    static List<ProfileFact> facts;

    @BeforeAll
    static void load() {
        database = H2Database.open(dir);
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T08:00:00.000001Z"));
        store = new H2ProfileStore(database, clock);
        for (int i = 0; i < 36; i++) {
            Map<String, String> metadata = new HashMap<>();
            putIfPresent(metadata, "n", NUMBERS[i % NUMBERS.length]);
            putIfPresent(metadata, "t", TEXTS[i % TEXTS.length]);
            NewFact fact = new NewFact("set-" + (i % 3), PRODUCERS[i % PRODUCERS.length], i % 2 == 0 ? "profile" : "work",
                    "tag " + (i % 5), "feature-" + (i % 7), VALUES[i % VALUES.length], FactSource.API, List.of(),
                    metadata);
            clock.advance(Duration.ofMinutes(1));
            ProfileFact added = store.add(SCOPE, fact, "x", null, "test");
            store.add(DECOY, fact, "x", null, "test");
            if (i % 4 == 0) {
                clock.advance(Duration.ofSeconds(7));
                metadata.put("touched", "yes");
                store.update(SCOPE, added.id(), new FactPatch(null, null, null, null, metadata), null, null, "test");
            }
        }
        facts = store.list(SCOPE, Filter.all(), ALL, true);
        assertThat(facts).hasSize(36);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Test
    void everyFieldAndOperatorAgreesWithTheOracle() {
        int checked = 0;
        for (FilterField field : fields()) {
            List<Literal> literals = literals(field);
            for (Literal literal : literals) {
                for (Filter.Op op : Filter.Op.values()) {
                    Filter compare = new Filter.Compare(field, op, literal);
                    assertAgrees(compare);
                    assertAgrees(new Filter.Not(compare));
                    checked += 2;
                }
            }
            for (int i = 0; i + 1 < literals.size(); i += 2) {
                List<Literal> pair = literals.subList(i, Math.min(literals.size(), i + 3));
                assertAgrees(new Filter.In(field, pair, false));
                assertAgrees(new Filter.In(field, pair, true));
                checked += 2;
            }
            assertAgrees(new Filter.IsNull(field, false));
            assertAgrees(new Filter.IsNull(field, true));
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void numbersCompareNumericallyWithPlainNumberMetadataOnly() {
        FilterField n = FilterField.metadata("n");
        assertThat(values(new Filter.Compare(n, Filter.Op.GT, new Literal.Int(9)), "n"))
                .as("surrounding whitespace is allowed, as FilterEvaluator.NUMERIC_TEXT says; 1e3 is not a plain number")
                .containsOnly("10", "12345678901234567890", "12\n");
        assertThat(values(new Filter.Compare(n, Filter.Op.EQ, new Literal.Int(7)), "n")).containsOnly("007");
        assertThat(values(new Filter.Compare(n, Filter.Op.EQ, new Literal.Decimal(3.5)), "n")).containsOnly("3.50");
        assertThat(values(new Filter.Compare(n, Filter.Op.EQ, new Literal.Int(0)), "n")).containsOnly("-0");
        assertThat(values(new Filter.Compare(n, Filter.Op.LT, new Literal.Int(0)), "n")).containsOnly("-2.5");
        assertThat(values(new Filter.Compare(n, Filter.Op.NE, new Literal.Int(5)), "n"))
                .as("non-numbers and missing values are unknown, so != does not match them")
                .containsOnly("10", "9", "-2.5", "007", "3.50", "-0", "12345678901234567890", "12\n");
        assertThat(values(new Filter.Compare(n, Filter.Op.EQ, new Literal.Int(5)), "n")).containsOnly(" 5");
        assertThat(values(new Filter.Compare(n, Filter.Op.EQ, Literal.text("10")), "n")).containsOnly("10");
        assertThat(values(new Filter.Compare(n, Filter.Op.GT, Literal.text("9")), "n")).as("text compares as text")
                .containsOnly("abc");
    }

    @Test
    void aMissingValueIsUnknownSoNegationDoesNotMatchIt() {
        FilterField t = FilterField.metadata("t");
        List<ProfileFact> notRed = store.list(SCOPE, new Filter.Not(new Filter.Compare(t, Filter.Op.EQ,
                Literal.text("red"))), ALL, true);
        assertThat(notRed).isNotEmpty().allSatisfy(f -> assertThat(f.metadata()).containsKey("t")
                .doesNotContainEntry("t", "red"));
        FilterField producer = FilterField.of(SystemField.PRODUCER);
        assertThat(store.list(SCOPE, new Filter.In(producer, List.of(Literal.text("alice")), true), ALL, true))
                .isNotEmpty().allSatisfy(f -> assertThat(f.producer()).isNotNull().isNotEqualTo("alice"));
        assertThat(store.list(SCOPE, new Filter.IsNull(producer, false), ALL, true))
                .hasSize(9).allSatisfy(f -> assertThat(f.producer()).isNull());
        assertThat(store.list(SCOPE, new Filter.IsNull(t, false), ALL, true))
                .hasSize(6).allSatisfy(f -> assertThat(f.metadata()).doesNotContainKey("t"));
        assertThat(store.count(SCOPE, new Filter.IsNull(FilterField.metadata("never"), true), true)).isZero();
    }

    @Test
    void hostileTextIsMatchedLiterally() {
        FilterField value = FilterField.of(SystemField.VALUE);
        assertThat(store.list(SCOPE, new Filter.Compare(value, Filter.Op.EQ, Literal.text(HOSTILE)), ALL, true))
                .isNotEmpty().allSatisfy(f -> assertThat(f.value()).isEqualTo(HOSTILE));
        assertThat(store.list(SCOPE, new Filter.Compare(FilterField.metadata("t"), Filter.Op.EQ, Literal.text(HOSTILE)),
                ALL, true)).isNotEmpty().allSatisfy(f -> assertThat(f.metadata()).containsEntry("t", HOSTILE));
        assertThat(store.count(SCOPE, new Filter.Compare(value, Filter.Op.EQ, Literal.text("100%%off")), true)).isZero();
        assertThat(store.count(SCOPE, new Filter.Compare(value, Filter.Op.EQ, Literal.text("back\\slash")), true))
                .isEqualTo(count(f -> f.value().equals("back\\slash")));
    }

    @Test
    void aHostileMetadataKeyIsJustAKeyThatNoFactHas() throws Exception {
        FilterField hostileKey = new FilterField(null, HOSTILE);
        assertThat(store.count(SCOPE, new Filter.Compare(hostileKey, Filter.Op.EQ, Literal.text("x")), true)).isZero();
        assertThat(store.count(SCOPE, new Filter.IsNull(hostileKey, false), true)).isEqualTo(36);
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM facts")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(72);
        }
    }

    @Test
    void filtersNeverReachAnotherScope() {
        Filter filter = new Filter.Compare(FilterField.of(SystemField.CATEGORY), Filter.Op.EQ, Literal.text("work"));
        assertThat(store.list(SCOPE, filter, ALL, true)).hasSize(18).allSatisfy(f -> assertThat(f.scope()).isEqualTo(SCOPE));
        assertThat(store.list(DECOY, filter, ALL, true)).hasSize(18).allSatisfy(f -> assertThat(f.scope()).isEqualTo(DECOY));
    }

    private static void assertAgrees(Filter filter) {
        List<Long> expected = facts.stream().filter(f -> FilterOracle.matches(filter, f)).map(ProfileFact::id).toList();
        assertThat(store.list(SCOPE, filter, ALL, true)).as(filter.toString())
                .extracting(ProfileFact::id).containsExactlyElementsOf(expected);
        assertThat(store.count(SCOPE, filter, true)).as(filter.toString()).isEqualTo(expected.size());
    }

    private static List<String> values(Filter filter, String key) {
        return store.list(SCOPE, filter, ALL, true).stream().map(f -> f.metadata().get(key)).toList();
    }

    private static long count(java.util.function.Predicate<ProfileFact> predicate) {
        return facts.stream().filter(predicate).count();
    }

    private static List<FilterField> fields() {
        List<FilterField> fields = new ArrayList<>(Stream.of(SystemField.SET_ID, SystemField.PRODUCER,
                SystemField.CATEGORY, SystemField.TAG, SystemField.FEATURE, SystemField.VALUE, SystemField.CREATED_AT,
                SystemField.UPDATED_AT).map(FilterField::of).toList());
        fields.add(FilterField.metadata("n"));
        fields.add(FilterField.metadata("t"));
        fields.add(FilterField.metadata("touched"));
        return fields;
    }

    /** Values the facts hold, values between them and values none holds. */
    private static List<Literal> literals(FilterField field) {
        if (field.isMetadata()) {
            Set<Literal> out = new LinkedHashSet<>();
            facts.forEach(f -> {
                String value = f.metadata().get(field.metadataKey());
                if (value != null) {
                    out.add(Literal.text(value));
                }
            });
            out.addAll(List.of(Literal.text("m"), Literal.text(""), new Literal.Int(9), new Literal.Int(7),
                    new Literal.Int(0), new Literal.Int(-3), new Literal.Decimal(3.5), new Literal.Decimal(-2.5),
                    new Literal.Decimal(1000.0), new Literal.Decimal(1.2345678901234567E19)));
            return List.copyOf(out);
        }
        return switch (field.system().kind()) {
            case TIME -> {
                Function<ProfileFact, Instant> time = field.system() == SystemField.CREATED_AT
                        ? ProfileFact::createdAt : ProfileFact::updatedAt;
                List<Instant> times = facts.stream().map(time).sorted(Comparator.naturalOrder()).toList();
                yield Stream.of(times.getFirst(), times.get(9), times.get(9).plusNanos(1000), times.get(20),
                                times.getLast(), Instant.EPOCH)
                        .map(Literal.Time::new).map(Literal.class::cast).toList();
            }
            default -> {
                Set<Literal> out = new LinkedHashSet<>();
                facts.stream().map(f -> text(field.system(), f)).filter(java.util.Objects::nonNull)
                        .map(Literal::text).forEach(out::add);
                out.addAll(List.of(Literal.text("m"), Literal.text("zzz"), Literal.text("A")));
                yield List.copyOf(out);
            }
        };
    }

    private static String text(SystemField field, ProfileFact fact) {
        return switch (field) {
            case SET_ID -> fact.setId();
            case PRODUCER -> fact.producer();
            case CATEGORY -> fact.category();
            case TAG -> fact.tag();
            case FEATURE -> fact.feature();
            case VALUE -> fact.value();
            default -> throw new IllegalArgumentException(field.name());
        };
    }
}
