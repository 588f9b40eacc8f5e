package dev.engram.core.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserErrorTest {

    static FilterSyntaxException error(String expression) {
        FilterSyntaxException e = catchThrowableOfType(FilterSyntaxException.class, () -> FilterParser.parse(expression));
        assertThat(e).as("parse(%s) should fail", expression).isNotNull();
        assertThat(e.field()).isEqualTo("filter");
        return e;
    }

    static void assertError(String expression, int position, String... fragments) {
        FilterSyntaxException e = error(expression);
        assertThat(e.position()).as("position of the error in %s", expression).isEqualTo(position);
        assertThat(e.getMessage()).contains("position " + position).contains(fragments);
    }

    @Test
    void unknownFieldListsTheAllowedFieldsAndTheMetadataForm() {
        assertError("uid = 1 OR foo = 'x'", 11, "unknown field 'foo' at position 11",
                "allowed fields: uid, producer, produced_for, role, episode_type, created_at, updated_at, set_id,"
                        + " category, tag, feature, value, m.<key> (also metadata.<key>; aliases: id, episode_uid,"
                        + " producer_id, produced_for_id, producer_role, timestamp",
                "for a metadata key write m.foo");
    }

    @Test
    void unterminatedStringsPointAtTheirOpeningQuote() {
        assertError("producer = 'abc", 11, "unterminated string starting at position 11", "''");
        assertError("producer = \"abc", 11, "unterminated string starting at position 11", "\"\"");
        assertError("producer = 'it''s", 11, "unterminated string");
        assertError("producer = 'a''", 11, "unterminated string");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "producer =|10|expected a value after '=' at position 10, found end of input",
        "producer = )|11|expected a value after '=' at position 11, found ')'",
        "producer == 'a'|10|expected a value after '=' at position 10, found '='",
        "producer <> OR|12|found keyword OR",
        "producer = and|11|quote keywords meant as text",
        "producer = NULL|11|write producer IS NULL",
        "producer|8|expected an operator after 'producer' at position 8, found end of input",
        "producer 'a'|9|expected an operator after 'producer' at position 9, found string 'a'",
        "producer IS|11|expected NULL after IS at position 11",
        "producer IS NOT 'x'|16|expected NULL after IS NOT at position 16, found string 'x'",
        "producer IS NOT|15|expected NULL after IS NOT at position 15, found end of input",
        "producer NOT 'a'|13|expected IN after NOT at position 13",
        "producer IN 'a'|12|expected '(' after IN at position 12",
        "producer IN ()|13|empty IN list at position 13",
        "producer IN ('a',)|17|expected a value after ',' at position 17, found ')'",
        "producer IN ('a' 'b')|17|expected ',' or ')' in the IN list at position 17",
        "producer IN ('a'|16|expected ',' or ')' in the IN list at position 16, found end of input",
        "producer IN (NULL)|13|found keyword NULL",
        "producer = 'a' AND|18|expected a condition at position 18 after 'AND', found end of input",
        "AND producer = 'a'|0|expected a condition at position 0, found keyword AND",
        "producer = 'a' OR OR role = 'b'|18|found keyword OR",
        "NOT|3|expected a condition at position 3 after 'NOT'",
        "()|1|expected a condition at position 1 after '(', found ')'",
        "'producer' = 'a'|0|found string 'producer'",
        "(producer = 'a'|15|expected AND, OR or ')' at position 15 (to close '(' at position 0), found end of input",
        "(producer = 'a' role = 'b')|16|expected AND, OR or ')' at position 16",
        "producer = 'a')|14|unmatched ')' at position 14",
        "producer = 'a' junk|15|unexpected 'junk' at position 15 after a complete condition; expected AND, OR or the end",
        "producer = a b|13|quote a value that contains spaces",
        "producer = 'a' 'b'|15|unexpected string 'b' at position 15",
        "producer = 'a' (|15|unexpected '(' at position 15",
        "producer ! 'a'|9|unexpected character '!' at position 9; expected '!='",
        "producer = a%b|12|unexpected character '%' at position 12",
        "producer = `a`|11|unexpected character '`' at position 11",
        "producer = 'a' ; DROP TABLE x|15|unexpected character ';' at position 15",
        "producer = 'a' && role = 'b'|15|unexpected character '&' at position 15",
        "m. = 'a'|0|missing metadata key after 'm.' at position 0",
        "metadata. IS NULL|0|missing metadata key after 'metadata.'",
        "m.a/b = 1|3|unexpected character '/' at position 3",
        "created_at > date(2025)|18|expected a quoted ISO-8601 string in date(...) at position 18",
        "created_at > date()|18|expected a quoted ISO-8601 string",
        "created_at > date('2025-01-01'|30|expected ')' after the date string at position 30",
        "created_at > date('2025-01-01' x|31|expected ')' after the date string",
        "created_at > date('someday')|13|invalid date-time 'someday' at position 13",
        "uid = 'x'|6|uid needs an integer, got 'x' at position 6",
        "producer = date('2025-01-01')|11|date(...) compared with producer"})
    void malformedExpressionsNameThePositionAndWhatWasExpected(String expression, int position, String message) {
        assertError(expression, position, message);
    }

    @Test
    void invisibleCharactersAreShownEscaped() {
        assertError("producer = \u0000", 11, "unexpected character '\\u0000' at position 11");
        assertError("producer = 'a'\u0007", 14, "'\\u0007'");
    }

    @Test
    void tooLongMetadataKeysAreRejected() {
        assertError("m." + "k".repeat(Ids.MAX_ID_LENGTH + 1) + " = 1", 0, "invalid metadata key", "at most 128");
        assertThat(FilterParser.parse("m." + "k".repeat(Ids.MAX_ID_LENGTH) + " = 1")).isNotNull();
    }

    @Test
    void expressionsLongerThanTheLimitAreRejected() {
        String expression = "producer = '" + "x".repeat(FilterParser.MAX_LENGTH) + "'";
        assertError(expression, FilterParser.MAX_LENGTH, "too long", expression.length() + " characters",
                "at most 8192");
    }

    @Test
    void tenThousandNestedParenthesesGiveAClearErrorNotAStackOverflow() {
        String expression = "(".repeat(10_000) + "producer = 'a'" + ")".repeat(10_000);
        assertThat(expression.length()).isGreaterThan(FilterParser.MAX_LENGTH);
        assertError(expression, FilterParser.MAX_LENGTH, "too long");
        String withinLength = "(".repeat(4000) + "producer = 'a'" + ")".repeat(4000);
        assertError(withinLength, FilterParser.MAX_DEPTH, "nests too deeply", "at most 32 levels");
    }

    @Test
    void nestingOneLevelBeyondTheLimitIsRejected() {
        String parens = "(".repeat(FilterParser.MAX_DEPTH + 1) + "uid = 1" + ")".repeat(FilterParser.MAX_DEPTH + 1);
        assertError(parens, FilterParser.MAX_DEPTH, "nests too deeply");
        assertError("NOT ".repeat(2000) + "uid = 1", 4 * FilterParser.MAX_DEPTH, "nests too deeply");
        assertError("NOT (".repeat(17) + "uid = 1" + ")".repeat(17), 80, "nests too deeply");
    }

    @Test
    void moreComparisonsThanTheLimitAreRejected() {
        String expression = String.join(" OR ", Collections.nCopies(FilterParser.MAX_COMPARISONS + 1, "uid = 1"));
        assertError(expression, FilterParser.MAX_COMPARISONS * 11, "too many conditions", "at most 256");
    }

    @Test
    void inListsLongerThanTheLimitAreRejected() {
        String expression = "uid IN (" + String.join(",", Collections.nCopies(FilterParser.MAX_IN_VALUES + 1, "7")) + ")";
        assertError(expression, 8 + 2 * FilterParser.MAX_IN_VALUES, "IN list too long", "at most 1000 values");
    }

    @Test
    void randomGarbageOnlyEverFailsWithFilterSyntaxException() {
        Random random = new Random(20250102);
        String alphabet = "()=!<>',\" \tabcmuidNOTANDORISINULL.-:_0123456789%;\\$é😀\u0000";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder expression = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                expression.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            try {
                FilterParser.parse(expression.toString());
            } catch (FilterSyntaxException e) {
                assertThat(e.position()).isBetween(0, expression.length());
                assertThat(e.getMessage()).contains("position " + e.position());
            }
        }
    }

    @Test
    void randomTokenSequencesOnlyEverFailsWithFilterSyntaxException() {
        Random random = new Random(7);
        String[] tokens = {"(", ")", "NOT", "AND", "OR", "IN", "IS", "NULL", "producer", "uid", "m.k", "created_at",
            "=", "<>", ">=", "'a'", "7", "1.5", "true", "date", "date('2025-01-01')", ",", "x"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder expression = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                expression.append(tokens[random.nextInt(tokens.length)]).append(' ');
            }
            try {
                FilterParser.parse(expression.toString());
            } catch (FilterSyntaxException e) {
                assertThat(e.position()).isBetween(0, expression.length());
                assertThat(e.getMessage()).contains("position " + e.position());
            }
        }
    }
}
