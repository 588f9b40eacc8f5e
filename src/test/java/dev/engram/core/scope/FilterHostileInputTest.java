package dev.engram.core.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.scope.Filter.Compare;
import dev.engram.core.scope.Filter.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterHostileInputTest {

    static List<String> hostileValues() {
        return List.of("'", "''", "\"", "\\", "\\'", "a\\", "'; DROP TABLE x; --", "}) RETURN n //",
                "$param", "{param}", "\u0000", "a\u0000b", "line\nbreak", "\r\n", "\t", "😀", "👩‍👩‍👧", "שלום",
                "مرحبا\u200f", "\u202eevil", "a' OR '1'='1", "x) OR (1=1", "` MATCH (n) DETACH DELETE n", "%_*",
                "\uFEFF", "\uD800", " leading and trailing ", "m.topic = 'x'", "date('2025-01-01')");
    }

    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileValuesInSingleQuotesAreExactlyTheText(String value) {
        assertThat(FilterParser.parse("producer = " + quoted(value)))
                .isEqualTo(new Compare(FilterField.of(SystemField.PRODUCER), Op.EQ, Literal.text(value)));
        assertThat(FilterParser.parse("m.k IN (" + quoted(value) + ", 'b')"))
                .isEqualTo(new Filter.In(FilterField.metadata("k"), List.of(Literal.text(value), Literal.text("b")), false));
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileValuesInDoubleQuotesAreExactlyTheText(String value) {
        assertThat(FilterParser.parse("value = \"" + value.replace("\"", "\"\"") + "\""))
                .isEqualTo(new Compare(FilterField.of(SystemField.VALUE), Op.EQ, Literal.text(value)));
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileValuesSurviveDescribeAndParse(String value) {
        Filter filter = new Compare(FilterField.metadata("k"), Op.NE, Literal.text(value));
        assertThat(FilterParser.parse(Filters.describe(filter))).isEqualTo(filter);
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileValuesInTheDictFormAreExactlyTheText(String value) {
        assertThat(Filters.fromMap(Map.of("producer", value)))
                .isEqualTo(new Compare(FilterField.of(SystemField.PRODUCER), Op.EQ, Literal.text(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "\"", "\\", "'; DROP TABLE x; --", "}) RETURN n //", "$param", "\u0000", "a\nb",
        "😀", "a b", "a/b", "`x`", "{x}", "[0]", "x'y", "שלום\u200f", "\u202ex", ""})
    void hostileMetadataKeysAreRejected(String key) {
        assertThatThrownBy(() -> FilterParser.parse("m." + key + " = 'v'")).isInstanceOf(FilterSyntaxException.class);
        if (!key.isEmpty()) {
            assertThatThrownBy(() -> FilterParser.parse("m.k" + key + " IS NULL")).isInstanceOf(FilterSyntaxException.class);
        }
        assertThatThrownBy(() -> Filters.fromMap(Map.of("m." + key, "v")))
                .isInstanceOf(dev.engram.core.InvalidInputException.class)
                .satisfies(e -> assertThat(((dev.engram.core.InvalidInputException) e).field()).startsWith("filter"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"שלום", "名前", "ключ", "a.b:c-d_e", "Ⅻ"})
    void unicodeMetadataKeysOfWordCharactersAreAccepted(String key) {
        assertThat(FilterParser.parse("m." + key + " = 'v'"))
                .isEqualTo(new Compare(FilterField.metadata(key), Op.EQ, Literal.text("v")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$param", "{x}", "a;b", "a'b", "a\\b", "a\"b", "😀"})
    void hostileBareWordsAreSyntaxErrors(String word) {
        assertThatThrownBy(() -> FilterParser.parse("producer = " + word)).isInstanceOf(FilterSyntaxException.class);
    }
}
