package dev.engram.core.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.scope.Filter.And;
import dev.engram.core.scope.Filter.Compare;
import dev.engram.core.scope.Filter.In;
import dev.engram.core.scope.Filter.IsNull;
import dev.engram.core.scope.Filter.Not;
import dev.engram.core.scope.Filter.Op;
import dev.engram.core.scope.Filter.Or;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserGrammarTest {
    static final FilterField PRODUCER = FilterField.of(SystemField.PRODUCER);
    static final FilterField ROLE = FilterField.of(SystemField.ROLE);
    static final FilterField TAG = FilterField.of(SystemField.TAG);

    static Compare eq(FilterField field, String text) {
        return new Compare(field, Op.EQ, Literal.text(text));
    }

    static final Compare A = eq(PRODUCER, "a");
    static final Compare B = eq(ROLE, "b");
    static final Compare C = eq(TAG, "c");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n  "})
    void nullOrBlankExpressionMatchesEverything(String expression) {
        assertThat(FilterParser.parse(expression)).isSameAs(Filter.ALL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "producer = 'a'|EQ", "producer != 'a'|NE", "producer <> 'a'|NE", "producer < 'a'|LT",
        "producer > 'a'|GT", "producer <= 'a'|LE", "producer >= 'a'|GE", "producer='a'|EQ", "producer<>'a'|NE",
        "producer>='a'|GE"})
    void everyComparisonOperatorParses(String expression, Op op) {
        assertThat(FilterParser.parse(expression)).isEqualTo(new Compare(PRODUCER, op, Literal.text("a")));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(FilterParser.parse("producer = 'a' OR role = 'b' AND tag = 'c'"))
                .isEqualTo(new Or(List.of(A, new And(List.of(B, C)))));
        assertThat(FilterParser.parse("producer = 'a' AND role = 'b' OR tag = 'c'"))
                .isEqualTo(new Or(List.of(new And(List.of(A, B)), C)));
    }

    @Test
    void parenthesesOverridePrecedenceAndKeepTheirGrouping() {
        assertThat(FilterParser.parse("(producer = 'a' OR role = 'b') AND tag = 'c'"))
                .isEqualTo(new And(List.of(new Or(List.of(A, B)), C)));
        assertThat(FilterParser.parse("(producer = 'a' AND role = 'b') AND tag = 'c'"))
                .isEqualTo(new And(List.of(new And(List.of(A, B)), C)));
        assertThat(FilterParser.parse("((producer = 'a'))")).isEqualTo(A);
    }

    @Test
    void chainsOfTheSameOperatorBecomeOneNode() {
        assertThat(FilterParser.parse("producer = 'a' AND role = 'b' AND tag = 'c'"))
                .isEqualTo(new And(List.of(A, B, C)));
        assertThat(FilterParser.parse("producer = 'a' OR role = 'b' OR tag = 'c'"))
                .isEqualTo(new Or(List.of(A, B, C)));
    }

    @Test
    void prefixNotAppliesToTheNextConditionOnly() {
        assertThat(FilterParser.parse("NOT producer = 'a' AND role = 'b'"))
                .isEqualTo(new And(List.of(new Not(A), B)));
        assertThat(FilterParser.parse("NOT (producer = 'a' AND role = 'b')"))
                .isEqualTo(new Not(new And(List.of(A, B))));
        assertThat(FilterParser.parse("NOT NOT producer = 'a'")).isEqualTo(new Not(new Not(A)));
        assertThat(FilterParser.parse("role = 'b' OR NOT (producer = 'a')"))
                .isEqualTo(new Or(List.of(B, new Not(A))));
    }

    @Test
    void inAndNotInAndPrefixNotIn() {
        List<Literal> values = List.of(Literal.text("a"), Literal.text("b"));
        assertThat(FilterParser.parse("producer IN ('a', 'b')")).isEqualTo(new In(PRODUCER, values, false));
        assertThat(FilterParser.parse("producer NOT IN ('a','b')")).isEqualTo(new In(PRODUCER, values, true));
        assertThat(FilterParser.parse("NOT producer IN ('a' , 'b')"))
                .isEqualTo(new Not(new In(PRODUCER, values, false)));
        assertThat(FilterParser.parse("producer IN ('a')"))
                .isEqualTo(new In(PRODUCER, List.of(Literal.text("a")), false));
    }

    @Test
    void isNullAndIsNotNull() {
        assertThat(FilterParser.parse("produced_for IS NULL"))
                .isEqualTo(new IsNull(FilterField.of(SystemField.PRODUCED_FOR), false));
        assertThat(FilterParser.parse("m.topic IS NOT NULL"))
                .isEqualTo(new IsNull(FilterField.metadata("topic"), true));
        assertThat(FilterParser.parse("NOT m.topic IS NULL"))
                .isEqualTo(new Not(new IsNull(FilterField.metadata("topic"), false)));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(FilterParser.parse("producer = 'a' and role = 'b' Or tag = 'c'"))
                .isEqualTo(new Or(List.of(new And(List.of(A, B)), C)));
        assertThat(FilterParser.parse("producer In ('a') aNd m.x is not null aND not role iS nUlL"))
                .isEqualTo(new And(List.of(new In(PRODUCER, List.of(Literal.text("a")), false),
                        new IsNull(FilterField.metadata("x"), true), new Not(new IsNull(ROLE, false)))));
        assertThat(FilterParser.parse("producer not in ('a')"))
                .isEqualTo(new In(PRODUCER, List.of(Literal.text("a")), true));
        assertThat(FilterParser.parse("m.flag = TRUE")).isEqualTo(eq(FilterField.metadata("flag"), "true"));
        assertThat(FilterParser.parse("created_at > DATE('2025-01-02')"))
                .isEqualTo(FilterParser.parse("created_at > date('2025-01-02')"));
    }

    @Test
    void whitespaceOfAnyKindSeparatesTokens() {
        assertThat(FilterParser.parse("\tproducer\n=\r\n'a'\u2003AND  role='b'  "))
                .isEqualTo(new And(List.of(A, B)));
    }

    @Test
    void singleQuotedStringsEscapeAQuoteByDoublingIt() {
        assertThat(FilterParser.parse("producer = 'O''Brien'")).isEqualTo(eq(PRODUCER, "O'Brien"));
        assertThat(FilterParser.parse("producer = ''''")).isEqualTo(eq(PRODUCER, "'"));
        assertThat(FilterParser.parse("producer = ''")).isEqualTo(eq(PRODUCER, ""));
        assertThat(FilterParser.parse("producer = 'say \"hi\"'")).isEqualTo(eq(PRODUCER, "say \"hi\""));
    }

    @Test
    void doubleQuotedStringsWorkToo() {
        assertThat(FilterParser.parse("producer = \"a\"")).isEqualTo(A);
        assertThat(FilterParser.parse("producer = \"say \"\"hi\"\"\"")).isEqualTo(eq(PRODUCER, "say \"hi\""));
        assertThat(FilterParser.parse("producer = \"O'Brien\"")).isEqualTo(eq(PRODUCER, "O'Brien"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-alice", "alice.smith", "a:b", "under_score", "Ünïcödé", "名前", "٣٤", "x-1.2:3_"})
    void bareWordsAreStrings(String word) {
        assertThat(FilterParser.parse("producer = " + word)).isEqualTo(eq(PRODUCER, word));
        assertThat(FilterParser.parse("m.k = " + word)).isEqualTo(eq(FilterField.metadata("k"), word));
    }

    @Test
    void bareWordsAreSeparatedFromOperatorsWithoutSpaces() {
        assertThat(FilterParser.parse("producer=user-alice AND m.n>-5"))
                .isEqualTo(new And(List.of(eq(PRODUCER, "user-alice"),
                        new Compare(FilterField.metadata("n"), Op.GT, new Literal.Int(-5)))));
    }

    @Test
    void aWordNamedDateWithoutParenthesesIsText() {
        assertThat(FilterParser.parse("producer = date")).isEqualTo(eq(PRODUCER, "date"));
    }

    @ParameterizedTest
    @CsvSource({
        "uid, UID", "id, UID", "episode_uid, UID", "producer, PRODUCER", "producer_id, PRODUCER",
        "PRODUCER_ID, PRODUCER", "produced_for, PRODUCED_FOR", "produced_for_id, PRODUCED_FOR",
        "role, ROLE", "producer_role, ROLE", "episode_type, EPISODE_TYPE", "created_at, CREATED_AT",
        "timestamp, CREATED_AT", "updated_at, UPDATED_AT", "set_id, SET_ID", "set, SET_ID",
        "category, CATEGORY", "category_name, CATEGORY", "semantic_category_id, CATEGORY", "tag, TAG",
        "tag_id, TAG", "feature, FEATURE", "feature_name, FEATURE", "value, VALUE", "Value, VALUE"})
    void systemFieldsResolveByNameOrAliasIgnoringCase(String name, SystemField field) {
        assertThat(FilterParser.parse(name + " IS NULL")).isEqualTo(new IsNull(FilterField.of(field), false));
    }

    @Test
    void metadataFieldsUseEitherPrefixAndKeepTheKeyCase() {
        FilterField key = FilterField.metadata("User_Id");
        assertThat(FilterParser.parse("m.User_Id IS NULL")).isEqualTo(new IsNull(key, false));
        assertThat(FilterParser.parse("metadata.User_Id IS NULL")).isEqualTo(new IsNull(key, false));
        assertThat(FilterParser.parse("M.User_Id IS NULL")).isEqualTo(new IsNull(key, false));
        assertThat(FilterParser.parse("m.user_id IS NULL")).isNotEqualTo(new IsNull(key, false));
    }

    @Test
    void metadataKeysMayContainDotsDashesColonsAndUnicode() {
        assertThat(FilterParser.parse("m.a.b-c:d_é IS NULL"))
                .isEqualTo(new IsNull(FilterField.metadata("a.b-c:d_é"), false));
        assertThat(FilterParser.parse("metadata.m.x IS NULL"))
                .isEqualTo(new IsNull(FilterField.metadata("m.x"), false));
        assertThat(FilterParser.parse("m.producer = 'a'")).isEqualTo(eq(FilterField.metadata("producer"), "a"));
    }

    @Test
    void memMachineSdkDictStringsParse() {
        assertThat(FilterParser.parse("metadata.user_id='test' AND producer_id='O''Brien'"))
                .isEqualTo(new And(List.of(eq(FilterField.metadata("user_id"), "test"), eq(PRODUCER, "O'Brien"))));
    }

    @Test
    void theMaximumsAreAccepted() {
        StringBuilder deep = new StringBuilder();
        deep.append("(".repeat(FilterParser.MAX_DEPTH)).append("producer = 'a'").append(")".repeat(FilterParser.MAX_DEPTH));
        assertThat(FilterParser.parse(deep.toString())).isEqualTo(A);
        String many = String.join(" OR ", java.util.Collections.nCopies(FilterParser.MAX_COMPARISONS, "uid = 1"));
        assertThat(FilterParser.parse(many)).isInstanceOfSatisfying(Or.class,
                or -> assertThat(or.terms()).hasSize(FilterParser.MAX_COMPARISONS));
        String list = "uid IN (" + String.join(",", java.util.Collections.nCopies(FilterParser.MAX_IN_VALUES, "7")) + ")";
        assertThat(FilterParser.parse(list)).isInstanceOfSatisfying(In.class,
                in -> assertThat(in.values()).hasSize(FilterParser.MAX_IN_VALUES));
        String longest = "producer = '" + "x".repeat(FilterParser.MAX_LENGTH - 13) + "'";
        assertThat(longest).hasSize(FilterParser.MAX_LENGTH);
        assertThat(FilterParser.parse(longest)).isInstanceOf(Compare.class);
    }
}
