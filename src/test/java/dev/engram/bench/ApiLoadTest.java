package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A tiny run of the API load so the harness cannot rot; the full run is `engram bench api`. */
class ApiLoadTest {
    @Test
    void twoClientsForTwoSecondsAddAndSearchWithoutErrors() throws Exception {
        ApiLoad.Result result = new ApiLoad(TestApi.baseUri(), null).run(2, Duration.ofSeconds(2),
                SharedEngram.uniqueOrg("load"));
        assertThat(result.errors()).isZero();
        assertThat(result.adds()).isPositive();
        assertThat(result.searches()).isPositive();
        assertThat(result.add().percentileMillis(0.95)).isPositive();
        assertThat(result.markdown()).contains("| add (1 message) |").contains("errors: 0");
    }
}
