package dev.engram.ui.support;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where view-model work runs: {@code background} for anything that touches the stores or the
 * network (never the FX thread), {@code fx} to publish results. Tests pass {@code Runnable::run}
 * for both, so view models are tested without the toolkit.
 */
public record UiExecutors(Executor background, Executor fx) {

    public static UiExecutors direct() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }

    /** Runs {@code work} in the background and hands its result (or failure) to the FX side. */
    public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            fx.execute(() -> done.accept(result));
        });
    }
}
