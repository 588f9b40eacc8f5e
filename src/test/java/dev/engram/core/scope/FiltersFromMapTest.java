package dev.engram.core.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Filter.Compare;
import dev.engram.core.scope.Filter.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersFromMapTest {
    static final FilterField PRODUCER = FilterField.of(SystemField.PRODUCER);

    static Literal single(String key, Object value) {
        Map<String, Object> dict = new HashMap<>();
        dict.put(key, value);
        return ((Compare) Filters.fromMap(dict)).value();
    }

    static InvalidInputException error(Map<String, ?> dict) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Filters.fromMap(dict));
        assertThat(e).as("fromMap(%s) should fail", dict).isNotNull();
        return e;
    }

    @Test
    void entriesBecomeAnAndOfEqualitiesInOrder() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("producer", "user-alice");
        dict.put("m.topic", "travel");
        assertThat(Filters.fromMap(dict)).isEqualTo(new Filter.And(List.of(
                new Compare(PRODUCER, Op.EQ, Literal.text("user-alice")),
                new Compare(FilterField.metadata("topic"), Op.EQ, Literal.text("travel")))));
        assertThat(Filters.fromMap(dict)).isEqualTo(FilterParser.parse("producer = 'user-alice' AND m.topic = 'travel'"));
    }

    @Test
    void anEmptyOrNullMapMatchesEverything() {
        assertThat(Filters.fromMap(Map.of())).isSameAs(Filter.ALL);
        assertThat(Filters.fromMap(null)).isSameAs(Filter.ALL);
    }

    @Test
    void keysResolveLikeFieldNamesInTheLanguage() {
        assertThat(Filters.fromMap(Map.of("producer_id", "a"))).isEqualTo(FilterParser.parse("producer = 'a'"));
        assertThat(Filters.fromMap(Map.of("PRODUCER_ROLE", "user"))).isEqualTo(FilterParser.parse("role = 'user'"));
        assertThat(Filters.fromMap(Map.of("metadata.Topic", "x"))).isEqualTo(FilterParser.parse("m.Topic = 'x'"));
        assertThat(Filters.fromMap(Map.of("timestamp", "2025-01-02")))
                .isEqualTo(FilterParser.parse("created_at = date('2025-01-02')"));
    }

    @Test
    void stringsAreTypedLikeQuotedStrings() {
        assertThat(single("m.n", "5")).isEqualTo(Literal.text("5"));
        assertThat(single("uid", "154")).isEqualTo(new Literal.Int(154));
        assertThat(single("created_at", "2025-01-02T10:00:00+01:00"))
                .isEqualTo(new Literal.Time(Instant.parse("2025-01-02T09:00:00Z")));
        assertThat(single("producer", "007")).isEqualTo(Literal.text("007"));
    }

    @Test
    void numbersAndBooleansAreTypedLikeUnquotedLiterals() {
        assertThat(single("uid", 42)).isEqualTo(new Literal.Int(42));
        assertThat(single("uid", 42L)).isEqualTo(new Literal.Int(42));
        assertThat(single("m.n", (short) 5)).isEqualTo(new Literal.Int(5));
        assertThat(single("m.n", BigInteger.TEN)).isEqualTo(new Literal.Int(10));
        assertThat(single("m.n", 2.5)).isEqualTo(new Literal.Decimal(2.5));
        assertThat(single("m.n", 2.5f)).isEqualTo(new Literal.Decimal(2.5));
        assertThat(single("m.n", 1e20)).isEqualTo(new Literal.Decimal(1e20));
        assertThat(single("m.n", new BigDecimal("0.1"))).isEqualTo(new Literal.Decimal(0.1));
        assertThat(single("producer", 7)).isEqualTo(Literal.text("7"));
        assertThat(single("m.flag", true)).isEqualTo(Literal.text("true"));
        assertThat(single("producer", false)).isEqualTo(Literal.text("false"));
        assertThat(single("created_at", 1_700_000_000)).isEqualTo(new Literal.Time(Instant.ofEpochSecond(1_700_000_000)));
        assertThat(single("created_at", 1_700_000_000_123L))
                .isEqualTo(new Literal.Time(Instant.ofEpochMilli(1_700_000_000_123L)));
    }

    @Test
    void listsBecomeIn() {
        assertThat(Filters.fromMap(Map.of("producer", List.of("a", "b"))))
                .isEqualTo(FilterParser.parse("producer IN ('a', 'b')"));
        assertThat(Filters.fromMap(Map.of("m.n", List.of(1, 2.5)))).isEqualTo(FilterParser.parse("m.n IN (1, 2.5)"));
        assertThat(Filters.fromMap(Map.of("uid", List.of("1", 2)))).isEqualTo(FilterParser.parse("uid IN (1, 2)"));
    }

    @Test
    void nullMeansIsNull() {
        Map<String, Object> dict = new HashMap<>();
        dict.put("produced_for", null);
        assertThat(Filters.fromMap(dict)).isEqualTo(FilterParser.parse("produced_for IS NULL"));
    }

    @Test
    void unknownKeysNameTheKeyAndTheAllowedFields() {
        InvalidInputException e = error(Map.of("type", "preference"));
        assertThat(e.field()).isEqualTo("filter.type");
        assertThat(e.getMessage()).contains("unknown field 'type'", "allowed fields: uid, producer", "m.type");
    }

    @Test
    void nestedMapsAndOtherTypesAreErrorsNamingTheKey() {
        assertThat(error(Map.of("producer", Map.of("$ne", "a"))).field()).isEqualTo("filter.producer");
        assertThat(error(Map.of("producer", Map.of("$ne", "a"))).getMessage()).contains("nested object");
        assertThat(error(Map.of("m.k", new Object())).field()).isEqualTo("filter.m.k");
        assertThat(error(Map.of("m.k", Double.NaN)).field()).isEqualTo("filter.m.k");
        assertThat(error(Map.of("m.k", List.of(List.of("a")))).field()).isEqualTo("filter.m.k[0]");
        assertThat(error(Map.of("m.k", Arrays.asList("a", null))).field()).isEqualTo("filter.m.k[1]");
        assertThat(error(Map.of("producer", List.of("a", Map.of()))).field()).isEqualTo("filter.producer[1]");
    }

    @Test
    void valuesThatDoNotFitTheFieldAreErrorsNamingTheKey() {
        assertThat(error(Map.of("uid", "abc")).field()).isEqualTo("filter.uid");
        assertThat(error(Map.of("uid", true)).getMessage()).contains("uid needs an integer");
        assertThat(error(Map.of("uid", 1.5)).field()).isEqualTo("filter.uid");
        assertThat(error(Map.of("created_at", "someday")).getMessage()).contains("invalid date-time 'someday'");
        assertThat(error(Map.of("m.k", BigInteger.TEN.pow(30))).getMessage()).contains("out of range");
        assertThat(error(Map.of("m.k", List.of(1, "a"))).getMessage()).contains("mixes numbers and text");
        assertThat(error(Map.of("m.k", List.of())).getMessage()).contains("empty list");
        assertThat(error(Map.of("m.k", Collections.nCopies(FilterParser.MAX_IN_VALUES + 1, "a"))).getMessage())
                .contains("at most 1000");
        assertThat(error(Map.of("m.", "a")).getMessage()).contains("missing metadata key");
    }
}
