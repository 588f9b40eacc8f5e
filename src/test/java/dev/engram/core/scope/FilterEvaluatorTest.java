package dev.engram.core.scope;

import static dev.engram.core.scope.FilterEvaluator.Truth.FALSE;
import static dev.engram.core.scope.FilterEvaluator.Truth.TRUE;
import static dev.engram.core.scope.FilterEvaluator.Truth.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.scope.FilterEvaluator.Truth;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterEvaluatorTest {
    /** A record as the stores see it: producer, role absent, uid, created_at and some metadata. */
    static final Map<FilterField, Object> RECORD = new HashMap<>();

    static {
        RECORD.put(FilterField.of(SystemField.PRODUCER), "alice");
        RECORD.put(FilterField.of(SystemField.UID), 42L);
        RECORD.put(FilterField.of(SystemField.CREATED_AT), Instant.parse("2025-01-02T10:00:00Z"));
        RECORD.put(FilterField.metadata("n"), "10");
        RECORD.put(FilterField.metadata("padded"), " 7.50 ");
        RECORD.put(FilterField.metadata("word"), "abc");
        RECORD.put(FilterField.metadata("sci"), "1e3");
        RECORD.put(FilterField.metadata("neg"), "-3");
        RECORD.put(FilterField.metadata("empty"), "");
    }

    static final Function<FilterField, Object> VALUES = RECORD::get;

    static Truth eval(String expression) {
        return FilterEvaluator.evaluate(FilterParser.parse(expression), VALUES);
    }

    static Filter leaf(Truth truth) {
        return switch (truth) {
            case TRUE -> FilterParser.parse("producer = 'alice'");
            case FALSE -> FilterParser.parse("producer = 'bob'");
            case UNKNOWN -> FilterParser.parse("role = 'user'");
        };
    }

    @ParameterizedTest
    @CsvSource({
        "TRUE, TRUE, TRUE", "TRUE, FALSE, FALSE", "TRUE, UNKNOWN, UNKNOWN",
        "FALSE, TRUE, FALSE", "FALSE, FALSE, FALSE", "FALSE, UNKNOWN, FALSE",
        "UNKNOWN, TRUE, UNKNOWN", "UNKNOWN, FALSE, FALSE", "UNKNOWN, UNKNOWN, UNKNOWN"})
    void andFollowsSqlThreeValuedLogic(Truth left, Truth right, Truth expected) {
        Filter filter = new Filter.And(List.of(leaf(left), leaf(right)));
        assertThat(FilterEvaluator.evaluate(filter, VALUES)).isEqualTo(expected);
        assertThat(FilterEvaluator.matches(filter, VALUES)).isEqualTo(expected == TRUE);
    }

    @ParameterizedTest
    @CsvSource({
        "TRUE, TRUE, TRUE", "TRUE, FALSE, TRUE", "TRUE, UNKNOWN, TRUE",
        "FALSE, TRUE, TRUE", "FALSE, FALSE, FALSE", "FALSE, UNKNOWN, UNKNOWN",
        "UNKNOWN, TRUE, TRUE", "UNKNOWN, FALSE, UNKNOWN", "UNKNOWN, UNKNOWN, UNKNOWN"})
    void orFollowsSqlThreeValuedLogic(Truth left, Truth right, Truth expected) {
        Filter filter = new Filter.Or(List.of(leaf(left), leaf(right)));
        assertThat(FilterEvaluator.evaluate(filter, VALUES)).isEqualTo(expected);
        assertThat(FilterEvaluator.matches(filter, VALUES)).isEqualTo(expected == TRUE);
    }

    @ParameterizedTest
    @CsvSource({"TRUE, FALSE", "FALSE, TRUE", "UNKNOWN, UNKNOWN"})
    void notOfUnknownIsUnknown(Truth term, Truth expected) {
        assertThat(FilterEvaluator.evaluate(new Filter.Not(leaf(term)), VALUES)).isEqualTo(expected);
    }

    @Test
    void anAbsentValueMakesEveryComparisonUnknownSoNeitherItNorItsNegationMatches() {
        for (String op : List.of("=", "!=", "<", ">", "<=", ">=")) {
            assertThat(eval("role " + op + " 'user'")).isEqualTo(UNKNOWN);
            assertThat(eval("NOT role " + op + " 'user'")).isEqualTo(UNKNOWN);
            assertThat(eval("m.missing " + op + " 1")).isEqualTo(UNKNOWN);
        }
        assertThat(FilterEvaluator.matches(FilterParser.parse("role != 'user'"), VALUES)).isFalse();
    }

    @Test
    void isNullAndIsNotNullAreNeverUnknown() {
        assertThat(eval("role IS NULL")).isEqualTo(TRUE);
        assertThat(eval("role IS NOT NULL")).isEqualTo(FALSE);
        assertThat(eval("producer IS NULL")).isEqualTo(FALSE);
        assertThat(eval("producer IS NOT NULL")).isEqualTo(TRUE);
        assertThat(eval("m.empty IS NULL")).isEqualTo(FALSE);
        assertThat(eval("NOT role IS NULL")).isEqualTo(FALSE);
    }

    @Test
    void inIsAnOrOfEqualitiesAndNotInItsNegation() {
        assertThat(eval("producer IN ('bob', 'alice')")).isEqualTo(TRUE);
        assertThat(eval("producer IN ('bob', 'carol')")).isEqualTo(FALSE);
        assertThat(eval("producer NOT IN ('bob', 'alice')")).isEqualTo(FALSE);
        assertThat(eval("producer NOT IN ('bob', 'carol')")).isEqualTo(TRUE);
        assertThat(eval("NOT producer IN ('bob', 'carol')")).isEqualTo(TRUE);
        assertThat(eval("role IN ('user')")).isEqualTo(UNKNOWN);
        assertThat(eval("role NOT IN ('user')")).isEqualTo(UNKNOWN);
        assertThat(eval("uid IN (1, 42)")).isEqualTo(TRUE);
        assertThat(eval("m.n IN (9, 10.0)")).isEqualTo(TRUE);
        assertThat(eval("m.word IN (1, 2)")).isEqualTo(UNKNOWN);
        assertThat(eval("m.word NOT IN (1, 2)")).isEqualTo(UNKNOWN);
    }

    @Test
    void textComparesCaseSensitivelyWithStringCompareTo() {
        assertThat(eval("producer < 'bob'")).isEqualTo(TRUE);
        assertThat(eval("producer > 'Bob'")).isEqualTo(TRUE);
        assertThat(eval("producer = 'Alice'")).isEqualTo(FALSE);
        assertThat(eval("producer >= 'alice' AND producer <= 'alice'")).isEqualTo(TRUE);
        assertThat(eval("producer != 'alice'")).isEqualTo(FALSE);
        assertThat(eval("producer > 'alic'")).isEqualTo(TRUE);
    }

    @Test
    void numbersCompareNumericallyWithMetadataThatParsesAsANumber() {
        assertThat(eval("m.n > 9")).isEqualTo(TRUE);
        assertThat(eval("m.n = 10")).isEqualTo(TRUE);
        assertThat(eval("m.n = 10.0")).isEqualTo(TRUE);
        assertThat(eval("m.n = 010")).isEqualTo(TRUE);
        assertThat(eval("m.n < 9.99")).isEqualTo(FALSE);
        assertThat(eval("m.padded = 7.5")).isEqualTo(TRUE);
        assertThat(eval("m.padded > 7")).isEqualTo(TRUE);
        assertThat(eval("m.neg < 0")).isEqualTo(TRUE);
        assertThat(eval("m.neg = -3")).isEqualTo(TRUE);
    }

    @Test
    void quotedNumbersCompareWithMetadataAsText() {
        assertThat(eval("m.n > '9'")).isEqualTo(FALSE);
        assertThat(eval("m.n = '10'")).isEqualTo(TRUE);
        assertThat(eval("m.n = '10.0'")).isEqualTo(FALSE);
    }

    @Test
    void numbersAgainstMetadataThatIsNotAPlainNumberAreUnknown() {
        assertThat(eval("m.word = 1")).isEqualTo(UNKNOWN);
        assertThat(eval("m.word != 1")).isEqualTo(UNKNOWN);
        assertThat(eval("m.sci = 1000")).isEqualTo(UNKNOWN);
        assertThat(eval("m.empty = 0")).isEqualTo(UNKNOWN);
        assertThat(eval("m.word = abc")).isEqualTo(TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "42", "-42", "3.14", "-0.5", " 7 ", "\t8.25\n", "007", "12345678901234567890"})
    void plainDecimalNumbersAreNumericText(String text) {
        assertThat(FilterEvaluator.NUMERIC_TEXT.matcher(text).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1e3", "+1", ".5", "5.", "1,000", "0x1F", "NaN", "Infinity", "1 2", "--1", "٣"})
    void otherTextIsNotNumeric(String text) {
        assertThat(FilterEvaluator.NUMERIC_TEXT.matcher(text).matches()).isFalse();
    }

    @Test
    void timesCompareAsInstants() {
        assertThat(eval("created_at > date('2025-01-02')")).isEqualTo(TRUE);
        assertThat(eval("created_at = date('2025-01-02T12:00:00+02:00')")).isEqualTo(TRUE);
        assertThat(eval("created_at < 1735812000")).isEqualTo(FALSE);
        assertThat(eval("created_at <= 1735812000000")).isEqualTo(TRUE);
        assertThat(eval("updated_at > 0")).isEqualTo(UNKNOWN);
    }

    @Test
    void uidComparesAsLongs() {
        assertThat(eval("uid = 42")).isEqualTo(TRUE);
        assertThat(eval("uid > 9")).isEqualTo(TRUE);
        assertThat(eval("uid < '100'")).isEqualTo(TRUE);
        assertThat(eval("uid != 42")).isEqualTo(FALSE);
    }

    @Test
    void theEmptyFilterMatchesEverything() {
        assertThat(FilterEvaluator.matches(Filter.ALL, field -> null)).isTrue();
        assertThat(FilterEvaluator.evaluate(new Filter.And(List.of()), VALUES)).isEqualTo(TRUE);
        assertThat(FilterEvaluator.evaluate(new Filter.Or(List.of()), VALUES)).isEqualTo(FALSE);
    }

    @Test
    void valuesOfTheWrongTypeAreUnknown() {
        Function<FilterField, Object> wrong = field -> 42L;
        assertThat(FilterEvaluator.evaluate(FilterParser.parse("producer = '42'"), wrong)).isEqualTo(UNKNOWN);
        assertThat(FilterEvaluator.evaluate(FilterParser.parse("created_at > 0"), wrong)).isEqualTo(UNKNOWN);
        assertThat(FilterEvaluator.evaluate(FilterParser.parse("m.k = 42"), field -> Instant.EPOCH)).isEqualTo(UNKNOWN);
    }

    @Test
    void aRealisticFilterSelectsTheRightRecords() {
        Filter filter = FilterParser.parse(
                "(producer = 'alice' OR m.n >= 100) AND NOT m.word IN ('x', 'y') AND created_at >= '2025-01-01'");
        assertThat(FilterEvaluator.matches(filter, VALUES)).isTrue();
        Map<FilterField, Object> other = new HashMap<>(RECORD);
        other.put(FilterField.metadata("word"), "x");
        assertThat(FilterEvaluator.matches(filter, other::get)).isFalse();
        other.remove(FilterField.metadata("word"));
        assertThat(FilterEvaluator.evaluate(filter, other::get)).isEqualTo(UNKNOWN);
    }
}
