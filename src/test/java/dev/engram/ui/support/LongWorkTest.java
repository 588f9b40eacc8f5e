package dev.engram.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
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
        // As in the app: the job on a background thread, the properties touched on one "FX" thread only.
        var background = Executors.newSingleThreadExecutor();
        var fx = Executors.newSingleThreadExecutor();
        try {
            LongWork work = new LongWork(new UiExecutors(background, fx));
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Integer> steps = new CompletableFuture<>();
            CompletableFuture<String> ended = new CompletableFuture<>();
            onFx(fx, () -> work.start("Re-embedding", (progress, cancel) -> {
                started.countDown();
                int n = 0;
                while (!cancel.isCancelled()) {
                    n++;
                    Thread.onSpinWait();
                }
                steps.complete(n);
                return n;
            }, n -> "stopped", n -> ended.complete(work.messageProperty().get())));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(onFx(fx, () -> work.runningProperty().get())).isTrue();
            assertThat(onFx(fx, () -> work.start("Other", (p, c) -> 1, n -> "", n -> { }))).isFalse();

            assertThat(onFx(fx, () -> {
                work.cancel();
                return work.messageProperty().get();
            })).isEqualTo("Re-embedding... (cancelling...)");

            assertThat(steps.get(10, TimeUnit.SECONDS)).isNotNegative(); // the loop saw the cancel and returned
            assertThat(ended.get(10, TimeUnit.SECONDS)).isEqualTo("stopped");
            assertThat(onFx(fx, () -> work.runningProperty().get())).isFalse();
            assertThat(onFx(fx, () -> work.messageProperty().get())).isEqualTo("stopped");
        } finally {
            background.shutdownNow();
            fx.shutdownNow();
        }
    }

    private static <T> T onFx(ExecutorService fx, Callable<T> action) throws Exception {
        return fx.submit(action).get(10, TimeUnit.SECONDS);
    }
}
