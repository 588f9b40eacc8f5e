package dev.engram.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryQueueTest {
    private final RetryQueue<String> queue = new RetryQueue<>(Duration.ofMillis(100), Duration.ofMillis(300),
            Clock.systemUTC());

    @Test
    void keysComeOnceEachInTheOrderTheyCame() throws InterruptedException {
        queue.addAll(List.of("a", "b", "a"));
        queue.add("c");
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.next(Duration.ZERO)).isEqualTo("a");
        assertThat(queue.next(Duration.ZERO)).isEqualTo("b");
        assertThat(queue.next(Duration.ZERO)).isEqualTo("c");
        assertThat(queue.next(Duration.ofMillis(10))).isNull();
    }

    @Test
    void aFailureHoldsEverythingForABackoffThatDoublesUpToItsBoundAndResetsOnSuccess() throws InterruptedException {
        queue.add("b");
        assertThat(queue.failed("a")).isEqualTo(Duration.ofMillis(100));
        assertThat(queue.next(Duration.ZERO)).as("held during the backoff").isNull();
        assertThat(queue.failed("a")).isEqualTo(Duration.ofMillis(200));
        assertThat(queue.failed("a")).isEqualTo(Duration.ofMillis(300));
        assertThat(queue.failed("a")).isEqualTo(Duration.ofMillis(300));
        queue.retryNow();
        assertThat(queue.next(Duration.ZERO)).isEqualTo("b");
        assertThat(queue.next(Duration.ZERO)).isEqualTo("a");
        queue.succeeded();
        assertThat(queue.failed("a")).isEqualTo(Duration.ofMillis(100));
        long start = System.nanoTime();
        String next = null;
        while (next == null) {
            next = queue.next(Duration.ofSeconds(5));
        }
        assertThat(next).isEqualTo("a");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }

    @Test
    void aClosedQueueHandsOutNothing() throws InterruptedException {
        queue.add("a");
        queue.close();
        assertThat(queue.next(Duration.ofSeconds(5))).isNull();
    }
}
