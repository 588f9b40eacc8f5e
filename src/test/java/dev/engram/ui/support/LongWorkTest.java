package dev.engram.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The status bar's long work: progress in words and fraction, cancel at the next step, one at a time. */
class LongWorkTest {

    @Test
    void reportsProgressThenHowItEnded() {
        LongWork work = new LongWork(UiExecutors.direct());
        List<String> messages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        work.messageProperty().addListener((o, was, now) -> messages.add(now));
        work.progressProperty().addListener((o, was, now) -> fractions.add(now.doubleValue()));
        List<Integer> results = new ArrayList<>();

        assertThat(work.start("Importing", (progress, cancel) -> {
            progress.update("Importing chats", 1_000, 4_000);
            progress.update("Importing chats", 4_000, 4_000);
            return 4_000;
        }, n -> "Imported " + n, results::add)).isTrue();

        assertThat(messages).containsExactly("Importing...", "Importing chats: 1,000 of 4,000",
                "Importing chats: 4,000 of 4,000", "Imported 4000");
        assertThat(fractions).contains(0.25, 1.0);
        assertThat(results).containsExactly(4_000);
        assertThat(work.runningProperty().get()).isFalse();
        work.dismiss();
        assertThat(work.messageProperty().get()).isEmpty();
    }

    @Test
    void aFailureIsShownInWordsAndACancelledJobSaysSo() {
        LongWork work = new LongWork(UiExecutors.direct());
        work.start("Backup", (progress, cancel) -> {
            throw new IllegalStateException("disk full");
        }, n -> "done", n -> { });
        assertThat(work.messageProperty().get()).isEqualTo("Backup failed: disk full");

        work.start("Deleting", (progress, cancel) -> {
            cancel.cancel();
            cancel.throwIfCancelled();
            return 1;
        }, n -> "done", n -> { });
        assertThat(work.messageProperty().get()).isEqualTo("Deleting: cancelled");
    }

    @Test
    void cancelReachesTheRunningJobAndASecondJobIsRefusedMeanwhile() throws Exception {
        var background = Executors.newSingleThreadExecutor();
        try {
            LongWork work = new LongWork(new UiExecutors(background, Runnable::run));
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Integer> steps = new CompletableFuture<>();
            work.start("Re-embedding", (progress, cancel) -> {
                started.countDown();
                int n = 0;
                while (!cancel.isCancelled()) {
                    n++;
                    Thread.onSpinWait();
                }
                steps.complete(n);
                return n;
            }, n -> "stopped", n -> { });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(work.runningProperty().get()).isTrue();
            assertThat(work.start("Other", (p, c) -> 1, n -> "", n -> { })).isFalse();

            work.cancel();

            assertThat(steps.get(10, TimeUnit.SECONDS)).isNotNegative(); // the loop saw the cancel and returned
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (work.runningProperty().get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(work.runningProperty().get()).isFalse();
            assertThat(work.messageProperty().get()).isEqualTo("stopped");
        } finally {
            background.shutdownNow();
        }
    }
}
