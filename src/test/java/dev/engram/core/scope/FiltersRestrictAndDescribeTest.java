package dev.engram.core.scope;

import static dev.engram.core.scope.MemoryType.EPISODIC;
import static dev.engram.core.scope.MemoryType.SEMANTIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Filter.Compare;
import dev.engram.core.scope.Filter.Op;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiltersRestrictAndDescribeTest {

    static Filter restrict(String expression, MemoryType type) {
        return Filters.restrictTo(FilterParser.parse(expression), type);
    }

    static Filter parse(String expression) {
        return FilterParser.parse(expression);
    }

    @Test
    void conditionsOnFieldsATypeLacksAreDroppedForThatType() {
        assertThat(restrict("uid = 1 AND tag = 'x'", EPISODIC)).isEqualTo(parse("uid = 1"));
        assertThat(restrict("uid = 1 AND tag = 'x'", SEMANTIC)).isEqualTo(parse("tag = 'x'"));
        assertThat(restrict("producer = 'a' AND tag = 'x'", EPISODIC)).isEqualTo(parse("producer = 'a'"));
        assertThat(restrict("role = 'user' AND feature = 'f' AND value = 'v'", SEMANTIC))
                .isEqualTo(parse("feature = 'f' AND value = 'v'"));
    }

    @Test
    void aFilterThatFullyAppliesIsReturnedUnchanged() {
        Filter filter = parse("producer = 'a' AND (tag = 'x' OR m.k = 'v')");
        assertThat(Filters.restrictTo(filter, SEMANTIC)).isSameAs(filter);
        Filter episodic = parse("(uid = 1 OR role = 'user') AND NOT produced_for IS NULL");
        assertThat(Filters.restrictTo(episodic, EPISODIC)).isSameAs(episodic);
    }

    @Test
    void nestedTopLevelAndsAreFlattenedBeforeSplitting() {
        assertThat(restrict("(uid = 1 AND tag = 'x') AND (m.k = 'v' AND (updated_at > 0 AND role = 'r'))", EPISODIC))
                .isEqualTo(parse("uid = 1 AND m.k = 'v' AND role = 'r'"));
    }

    @Test
    void metadataConditionsApplyToBothTypes() {
        assertThat(restrict("m.k = 'v'", EPISODIC)).isEqualTo(parse("m.k = 'v'"));
        assertThat(restrict("m.k = 'v'", SEMANTIC)).isEqualTo(parse("m.k = 'v'"));
        assertThat(restrict("m.k = 'v' OR uid = 1", EPISODIC)).isEqualTo(parse("m.k = 'v' OR uid = 1"));
        assertThat(restrict("created_at > 0 OR producer = 'a'", SEMANTIC)).isEqualTo(parse("created_at > 0 OR producer = 'a'"));
    }

    @Test
    void whenNothingAppliesTheResultMatchesEverything() {
        assertThat(restrict("tag = 'x'", EPISODIC)).isSameAs(Filter.ALL);
        assertThat(restrict("uid = 1 OR produced_for = 'b'", SEMANTIC)).isSameAs(Filter.ALL);
        assertThat(Filters.restrictTo(Filter.ALL, EPISODIC)).isSameAs(Filter.ALL);
    }

    @Test
    void anOrMixingFieldsOnlyTheOtherTypeHasIsAnErrorThatExplainsTheFix() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> restrict("m.k = 'v' AND (producer = 'a' OR tag = 'x')", EPISODIC));
        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("filter");
        assertThat(e.getMessage()).contains("producer = 'a' OR tag = 'x'", "tag (only semantic memories have it)",
                "producer (which episodic memories have)", "OR or NOT", "split the filter", "types");
        assertThat(restrict("m.k = 'v' AND (producer = 'a' OR tag = 'x')", SEMANTIC))
                .isEqualTo(parse("m.k = 'v' AND (producer = 'a' OR tag = 'x')"));
    }

    @Test
    void aNotMixingEpisodicOnlyAndSemanticOnlyFieldsFailsForBothTypes() {
        for (MemoryType type : MemoryType.values()) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> restrict("NOT (uid = 1 AND tag = 'x')", type));
            assertThat(e).as(type.name()).isNotNull();
            assertThat(e.getMessage()).contains(type.wireName() + " memories");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "producer_id = 'a'|producer = 'a'",
        "producer_id='O''Brien'|producer = 'O''Brien'",
        "producer = \"say \"\"hi\"\"\"|producer = 'say \"hi\"'",
        "metadata.topic=travel|m.topic = 'travel'",
        "m.n > 5|m.n > 5",
        "m.n <> -2.50|m.n != -2.5",
        "m.n = 1e3|m.n = '1e3'",
        "uid >= '7'|uid >= 7",
        "timestamp > '2025-01-02'|created_at > date('2025-01-02T00:00:00Z')",
        "created_at < 1700000000123|created_at < date('2023-11-14T22:13:20.123Z')",
        "producer = TRUE|producer = 'true'",
        "(producer = 'a' OR role = 'b') AND tag = 'c'|(producer = 'a' OR role = 'b') AND tag = 'c'",
        "producer = 'a' OR role = 'b' AND tag = 'c'|producer = 'a' OR (role = 'b' AND tag = 'c')",
        "NOT (producer = 'a' AND role = 'b')|NOT (producer = 'a' AND role = 'b')",
        "not producer = 'a'|NOT producer = 'a'",
        "producer not in ('a','b')|producer NOT IN ('a', 'b')",
        "NOT producer IN ('a')|NOT producer IN ('a')",
        "tag_id is not null|tag IS NOT NULL",
        "set IS NULL|set_id IS NULL"})
    void describeRendersTheCanonicalForm(String expression, String described) {
        assertThat(Filters.describe(parse(expression))).isEqualTo(described);
        assertThat(parse(described)).isEqualTo(parse(expression));
    }

    @Test
    void describeWritesLargeAndSmallDecimalsWithoutAnExponent() {
        Filter big = new Compare(FilterField.metadata("n"), Op.EQ, new Literal.Decimal(1e20));
        assertThat(Filters.describe(big)).isEqualTo("m.n = 100000000000000000000.0");
        Filter small = new Compare(FilterField.metadata("n"), Op.EQ, new Literal.Decimal(1.5e-7));
        assertThat(Filters.describe(small)).isEqualTo("m.n = 0.00000015");
        assertThat(parse(Filters.describe(big))).isEqualTo(big);
        assertThat(parse(Filters.describe(small))).isEqualTo(small);
    }

    @Test
    void describeOfTheEmptyFilterIsEmptyAndParsesBack() {
        assertThat(Filters.describe(Filter.ALL)).isEmpty();
        assertThat(parse(Filters.describe(Filter.ALL))).isSameAs(Filter.ALL);
    }

    @Test
    void describeSimplifiesTheEmptyFilterInsideCompoundFiltersWithoutChangingTheMeaning() {
        Filter a = parse("producer = 'a'");
        assertThat(Filters.describe(new Filter.And(List.of(Filter.ALL, a)))).isEqualTo("producer = 'a'");
        assertThat(Filters.describe(new Filter.Or(List.of(Filter.ALL, a)))).isEmpty();
        assertThat(Filters.describe(new Filter.And(List.of(a)))).isEqualTo("producer = 'a'");
        Filter never = parse(Filters.describe(new Filter.Not(Filter.ALL)));
        assertThat(FilterEvaluator.matches(never, field -> null)).isFalse();
        assertThat(FilterEvaluator.matches(never, field -> 1L)).isFalse();
        assertThat(FilterEvaluator.matches(parse(Filters.describe(new Filter.Or(List.of()))), field -> 1L)).isFalse();
    }

    @Test
    void describeOfTimesUsesIsoInstantsThatParseBack() {
        Filter filter = new Compare(FilterField.of(SystemField.UPDATED_AT), Op.LT,
                new Literal.Time(Instant.parse("+12025-06-01T00:00:00.000000001Z")));
        assertThat(Filters.describe(filter)).isEqualTo("updated_at < date('+12025-06-01T00:00:00.000000001Z')");
        assertThat(parse(Filters.describe(filter))).isEqualTo(filter);
    }
}
