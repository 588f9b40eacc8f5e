package dev.engram.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import org.junit.jupiter.api.Test;

class SummarySelectionTest {

    private static boolean selects(String filter, String producer) {
        return SummarySelection.selects(filter.isBlank() ? Filter.all() : FilterParser.parse(filter), producer);
    }

    @Test
    void withoutAProducerConditionEverySummaryIsSelected() {
        assertThat(selects("", "alice")).isTrue();
        assertThat(selects("m.topic = 'travel' AND role = 'user'", "alice")).isTrue();
        assertThat(selects("m.topic IS NOT NULL", "alice")).isTrue();
        assertThat(selects("NOT m.topic IS NULL", "alice")).isTrue();
    }

    @Test
    void producerConditionsSelectTheirProducersOnly() {
        assertThat(selects("producer = 'alice'", "alice")).isTrue();
        assertThat(selects("producer = 'alice'", "bob")).isFalse();
        assertThat(selects("producer_id IN ('alice', 'carol')", "carol")).isTrue();
        assertThat(selects("producer NOT IN ('alice')", "alice")).isFalse();
        assertThat(selects("producer != 'alice'", "bob")).isTrue();
        assertThat(selects("producer = 'alice' AND m.topic = 'travel'", "alice")).isTrue();
        assertThat(selects("producer = 'alice' AND m.topic = 'travel'", "bob")).isFalse();
        assertThat(selects("NOT (producer = 'alice' OR m.x = 'y')", "alice")).isFalse();
    }

    @Test
    void aConditionThatMayHoldWhateverTheProducerKeepsEverySummary() {
        assertThat(selects("producer = 'alice' OR m.topic = 'travel'", "bob")).isTrue();
        assertThat(selects("NOT (producer = 'alice' AND m.x = 'y')", "alice")).isTrue();
        assertThat(selects("produced_for = 'alice'", "bob")).isTrue();
    }
}
