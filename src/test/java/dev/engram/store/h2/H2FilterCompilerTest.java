package dev.engram.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.SystemField;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the compiler writes: fixed SQL text, every value and key a parameter. */
class H2FilterCompilerTest {
    static final String HOSTILE = "'; DROP TABLE facts; -- \\' \" 日本 🙂";

    @Test
    void theEmptyFilterIsTrueWithoutParameters() {
        assertThat(H2FilterCompiler.compile(Filter.all())).isEqualTo(SqlPredicate.TRUE);
        assertThat(H2FilterCompiler.compile(null)).isEqualTo(SqlPredicate.TRUE);
        assertThat(H2FilterCompiler.compile(new Filter.And(List.of())).sql()).isEqualTo("TRUE");
        assertThat(H2FilterCompiler.compile(new Filter.Or(List.of())).sql()).isEqualTo("FALSE");
    }

    @ParameterizedTest
    @EnumSource(SystemField.class)
    void everySemanticFieldMapsToAFixedColumnAndTheOthersAreRejected(SystemField field) {
        Literal literal = field.kind() == SystemField.ValueKind.TIME
                ? new Literal.Time(Instant.parse("2026-01-01T00:00:00Z")) : Literal.text("x");
        Filter filter = new Filter.Compare(FilterField.of(field), Filter.Op.EQ, literal);
        if (field.appliesTo(MemoryType.SEMANTIC)) {
            SqlPredicate predicate = H2FilterCompiler.compile(filter);
            assertThat(predicate.sql()).matches("f\\.[a-z_]+ = \\?");
            assertThat(predicate.parameters()).hasSize(1);
        } else {
            assertThatThrownBy(() -> H2FilterCompiler.compile(filter))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field.canonicalName());
            assertThatThrownBy(() -> H2FilterCompiler.compile(new Filter.Not(new Filter.IsNull(FilterField.of(field), false))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void valueMapsToFactValueAndTimesBindAsUtcOffsetDateTimes() {
        Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
        SqlPredicate predicate = H2FilterCompiler.compile(new Filter.And(List.of(
                new Filter.Compare(FilterField.of(SystemField.VALUE), Filter.Op.NE, Literal.text("v")),
                new Filter.Compare(FilterField.of(SystemField.UPDATED_AT), Filter.Op.GE, new Literal.Time(at)))));
        assertThat(predicate.sql()).isEqualTo("(f.fact_value <> ? AND f.updated_at >= ?)");
        assertThat(predicate.parameters()).containsExactly("v", OffsetDateTime.parse("2026-03-04T05:06:07.123456Z"));
    }

    @Test
    void hostileValuesAndMetadataKeysAreParametersNeverSqlText() {
        FilterField hostileKey = new FilterField(null, HOSTILE); // bypasses the key rules on purpose
        Filter filter = new Filter.Or(List.of(
                new Filter.Compare(FilterField.of(SystemField.VALUE), Filter.Op.EQ, Literal.text(HOSTILE)),
                new Filter.Compare(hostileKey, Filter.Op.LT, Literal.text(HOSTILE)),
                new Filter.In(hostileKey, List.of(Literal.text(HOSTILE), new Literal.Int(1)), true),
                new Filter.IsNull(hostileKey, false)));

        SqlPredicate predicate = H2FilterCompiler.compile(filter);

        assertThat(predicate.sql()).doesNotContain("DROP", "日本", "\"", "--").doesNotContain("\\'");
        assertThat(predicate.sql().chars().filter(ch -> ch == '\'').count())
                .as("the only quotes are those of the numeric pattern and the whitespace removal").isEqualTo(6);
        assertThat(predicate.parameters()).contains(HOSTILE).filteredOn(HOSTILE::equals).hasSize(7);
    }

    @Test
    void inIsADisjunctionThatSplitsTextFromNumbersForMetadata() {
        FilterField score = FilterField.metadata("score");
        SqlPredicate predicate = H2FilterCompiler.compile(new Filter.In(score,
                List.of(Literal.text("high"), new Literal.Int(3), new Literal.Decimal(2.5)), true));
        assertThat(predicate.sql()).startsWith("NOT ((SELECT m.meta_value").contains(" IN (?) OR (SELECT CASE")
                .endsWith(" IN (?, ?))");
        assertThat(predicate.parameters()).containsExactly("score", "high", "score", 3.0, 2.5);
        assertThat(H2FilterCompiler.compile(new Filter.In(score, List.of(), false)).sql()).isEqualTo("FALSE");
        assertThat(H2FilterCompiler.compile(new Filter.In(score, List.of(), true)).sql()).isEqualTo("TRUE");
    }

    @Test
    void literalsOfTheWrongTypeAreRejected() {
        List<Filter> wrong = List.of(
                new Filter.Compare(FilterField.of(SystemField.TAG), Filter.Op.EQ, new Literal.Int(1)),
                new Filter.Compare(FilterField.of(SystemField.CREATED_AT), Filter.Op.EQ, Literal.text("2026")),
                new Filter.Compare(FilterField.metadata("k"), Filter.Op.EQ, new Literal.Time(Instant.EPOCH)),
                new Filter.Compare(FilterField.metadata("k"), Filter.Op.EQ, new Literal.Decimal(Double.NaN)),
                new Filter.In(FilterField.of(SystemField.FEATURE), List.of(Literal.text("a"), new Literal.Int(1)), false),
                new Filter.Compare(FilterField.of(SystemField.TAG), Filter.Op.EQ, null));
        for (Filter filter : wrong) {
            assertThatThrownBy(() -> H2FilterCompiler.compile(filter)).as(filter.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyOperatorHasItsSqlSymbol() {
        String symbols = Arrays.stream(Filter.Op.values())
                .map(op -> H2FilterCompiler.compile(new Filter.Compare(FilterField.of(SystemField.TAG), op,
                        Literal.text("x"))).sql().replace("f.tag ", "").replace(" ?", ""))
                .reduce((a, b) -> a + " " + b).orElseThrow();
        assertThat(symbols).isEqualTo("= <> < > <= >=");
    }
}
