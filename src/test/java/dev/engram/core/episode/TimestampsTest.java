package dev.engram.core.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    @ParameterizedTest
    @CsvSource({
            "2025-11-24T10:00:00Z, 2025-11-24T10:00:00Z",
            "2025-11-24T12:00:00+02:00, 2025-11-24T10:00:00Z",
            "2025-11-24T10:00:00, 2025-11-24T10:00:00Z",
            "2025-11-24, 2025-11-24T00:00:00Z",
            "1764000000, 2025-11-24T16:00:00Z",
            "1764000000000, 2025-11-24T16:00:00Z",
            "1764000000.5, 2025-11-24T16:00:00.500Z",
    })
    void readsIsoTextEpochSecondsAndEpochMillis(String text, String expected) {
        assertThat(Timestamps.parse("timestamp", text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-13-01", "", "12:00", "2025-11-24T25:00:00Z", "'; DROP", "1e99"})
    void rejectsWhatIsNotATimestampWithAnExplanation(String text) {
        assertThatThrownBy(() -> Timestamps.parse("timestamp", text)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("timestamp: ");
    }

    @Test
    void rejectsEpochNumbersOutOfRange() {
        assertThatThrownBy(() -> Timestamps.fromEpoch("timestamp", new BigDecimal("1e30")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Timestamps.fromEpoch("timestamp", new BigDecimal("-99999999999999")))
                .isInstanceOf(InvalidInputException.class);
    }
}
