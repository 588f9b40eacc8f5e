package dev.engram.core.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.scope.Filter.Compare;
import dev.engram.core.scope.Filter.In;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterValueTypingTest {

    static Literal valueOf(String expression) {
        return ((Compare) FilterParser.parse(expression)).value();
    }

    static List<Literal> valuesOf(String expression) {
        return ((In) FilterParser.parse(expression)).values();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "producer = 007|007", "producer = -5|-5", "producer = 1.50|1.50", "producer = '42'|42",
        "producer = TRUE|true", "producer = False|false", "producer = 'TRUE'|TRUE", "role = user|user",
        "value = 12abc|12abc", "category = \"x\"|x"})
    void textFieldsTakeAnyValueAsTextKeepingNumbersSourceText(String expression, String text) {
        assertThat(valueOf(expression)).isEqualTo(Literal.text(text));
    }

    @Test
    void textFieldInListsAreAllText() {
        assertThat(valuesOf("producer IN (1, 'a', b, true, 2.5)")).containsExactly(Literal.text("1"),
                Literal.text("a"), Literal.text("b"), Literal.text("true"), Literal.text("2.5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"uid = 42|42", "uid = '42'|42", "uid = \"42\"|42", "uid = 007|7",
        "uid = -1|-1", "id = 9223372036854775807|9223372036854775807"})
    void uidTakesAnIntegerOrAQuotedAllDigitString(String expression, long value) {
        assertThat(valueOf(expression)).isEqualTo(new Literal.Int(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uid = abc", "uid = 1.5", "uid = true", "uid = '-1'", "uid = ' 1'", "uid = '1a'",
        "uid = ''", "uid = date('2025-01-01')", "uid = 9223372036854775808"})
    void uidRejectsEverythingElse(String expression) {
        assertThatThrownBy(() -> FilterParser.parse(expression)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("uid").hasMessageContaining("position 6");
    }

    @Test
    void uidInListsAreAllIntegers() {
        assertThat(valuesOf("uid IN (1, '2', 3)"))
                .containsExactly(new Literal.Int(1), new Literal.Int(2), new Literal.Int(3));
        assertThatThrownBy(() -> FilterParser.parse("uid IN (1, x)")).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("uid needs an integer, got 'x' at position 11");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "created_at > date('2025-01-02T10:00:00Z')|2025-01-02T10:00:00Z",
        "created_at > date('2025-01-02')|2025-01-02T00:00:00Z",
        "created_at > date('2025-01-02T10:00')|2025-01-02T10:00:00Z",
        "created_at > date('2025-01-02T10:00:00')|2025-01-02T10:00:00Z",
        "created_at > date('2025-01-02 10:00:00')|2025-01-02T10:00:00Z",
        "created_at > date('2025-01-02T10:00:00.123456789')|2025-01-02T10:00:00.123456789Z",
        "created_at > date('2025-01-02T10:00:00+02:00')|2025-01-02T08:00:00Z",
        "created_at > date('2025-01-02T10:00:00-0530')|2025-01-02T15:30:00Z",
        "created_at > date('2025-01-02t10:00:00z')|2025-01-02T10:00:00Z",
        "created_at > date(\"2025-01-02\")|2025-01-02T00:00:00Z",
        "created_at > '2025-01-02'|2025-01-02T00:00:00Z",
        "created_at > \"2025-01-02T10:00:00+00:00\"|2025-01-02T10:00:00Z",
        "created_at > 2025-01-02|2025-01-02T00:00:00Z",
        "timestamp > 2025-01-02T10:00:00Z|2025-01-02T10:00:00Z",
        "updated_at > 1700000000|2023-11-14T22:13:20Z",
        "updated_at > '1700000000'|2023-11-14T22:13:20Z",
        "updated_at > 1000000000000|+33658-09-27T01:46:40Z",
        "updated_at > 1000000000001|2001-09-09T01:46:40.001Z",
        "updated_at > 1700000000123|2023-11-14T22:13:20.123Z",
        "updated_at > 0|1970-01-01T00:00:00Z",
        "updated_at > -86400|1969-12-31T00:00:00Z"})
    void timeFieldsTakeDatesIsoStringsAndEpochs(String expression, String instant) {
        assertThat(valueOf(expression)).isEqualTo(new Literal.Time(Instant.parse(instant)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"created_at > 'yesterday'", "created_at > date('2025-02-30')",
        "created_at > date('2025-13-01')", "created_at > date('2025-01-02T25:00')", "created_at > 1.5",
        "created_at > true", "created_at > '2025/01/02'", "created_at > date('')",
        "created_at > -9223372036854775808"})
    void timeFieldsRejectOtherValues(String expression) {
        assertThatThrownBy(() -> FilterParser.parse(expression)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("at position 13").hasMessageContaining("ISO-8601");
    }

    @Test
    void timeInListsAreAllTimes() {
        assertThat(valuesOf("created_at IN (date('2025-01-02'), 0)")).containsExactly(
                new Literal.Time(Instant.parse("2025-01-02T00:00:00Z")), new Literal.Time(Instant.EPOCH));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"m.k = 42|42", "m.k = -42|-42", "m.k = 007|7"})
    void metadataKeepsIntegersNumeric(String expression, long value) {
        assertThat(valueOf(expression)).isEqualTo(new Literal.Int(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"m.k = 4.25|4.25", "m.k = -0.5|-0.5", "m.k = 0.0|0.0", "m.k = -0.0|0.0"})
    void metadataKeepsDecimalsNumeric(String expression, double value) {
        assertThat(valueOf(expression)).isEqualTo(new Literal.Decimal(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"m.k = '42'|42", "m.k = \"4.2\"|4.2", "m.k = true|true",
        "m.k = FALSE|false", "m.k = abc|abc", "m.k = 1.2.3|1.2.3", "m.k = 1e5|1e5", "m.k = .5|.5",
        "m.k = 5.|5."})
    void metadataTakesQuotedValuesBooleansAndOtherWordsAsText(String expression, String text) {
        assertThat(valueOf(expression)).isEqualTo(Literal.text(text));
    }

    @Test
    void metadataInListsAreAllNumbersOrAllText() {
        assertThat(valuesOf("m.k IN (1, 2.5)")).containsExactly(new Literal.Int(1), new Literal.Decimal(2.5));
        assertThat(valuesOf("m.k IN ('1', a, true)"))
                .containsExactly(Literal.text("1"), Literal.text("a"), Literal.text("true"));
        assertThatThrownBy(() -> FilterParser.parse("m.k IN (1, 'a')")).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("IN list for m.k mixes numbers and text at position 7")
                .extracting(e -> ((FilterSyntaxException) e).position()).isEqualTo(7);
    }

    @Test
    void metadataNumbersOutOfRangeAreErrors() {
        assertThatThrownBy(() -> FilterParser.parse("m.k = 99999999999999999999"))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("for m.k is out of range at position 6");
        assertThatThrownBy(() -> FilterParser.parse("m.k = 1" + "0".repeat(400) + ".0"))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("for m.k is out of range at position 6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"producer = date('2025-01-02')", "m.k = date('2025-01-02')", "uid = date('2025-01-02')"})
    void dateOnANonTimeFieldIsAnError(String expression) {
        assertThatThrownBy(() -> FilterParser.parse(expression)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("date(");
    }

    @Test
    void dateOnANonTimeFieldNamesTheFieldAndTheTimeFields() {
        assertThatThrownBy(() -> FilterParser.parse("producer = date('2025-01-02')"))
                .hasMessageContaining("date(...) compared with producer, which is not a time at position 11")
                .hasMessageContaining("created_at and updated_at");
    }
}
