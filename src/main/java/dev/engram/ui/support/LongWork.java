package dev.engram.ui.support;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Long work of the app (re-embedding, imports, bulk deletes), one at a time, in the background:
 * its task and progress for the status bar, and a cancel that stops it at its next step. When
 * it ends, {@link #messageProperty()} says how it ended until the next work starts.
 */
public final class LongWork {
    /** The work: reports progress, checks the cancellation between steps, returns its result. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress, Cancellation cancel);
    }

    // --- properties ----------------------------------------------------------------------------
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final UiExecutors executors;
    private Cancellation cancellation;

    public LongWork(UiExecutors executors) {
        this.executors = executors;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is being done ("Deleting 1,200 episodes: 500 of 1,200"), then how it ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // --- commands ------------------------------------------------------------------------------

    /**
     * Starts the work unless other work is running (then returns false and starts nothing).
     * {@code done} gets the result on the FX side; {@code summary} turns it into the closing
     * message. A cancelled job ends with "<title>: cancelled" unless it returns normally.
     */
    public <T> boolean start(String title, Job<T> job, java.util.function.Function<T, String> summary, Consumer<T> done) {
        if (running.get()) {
            return false;
        }
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        running.set(true);
        progress.set(-1);
        message.set(title + "...");
        Progress reporter = (task, n, total) -> executors.fx().execute(() -> {
            if (cancellation == cancel && running.get()) {
                message.set(total > 0 ? String.format("%s: %,d of %,d", task, n, total) : task);
                progress.set(total > 0 ? Math.min(1.0, (double) n / total) : -1);
            }
        });
        executors.run(() -> job.run(reporter, cancel), result -> {
            finish(summary.apply(result));
            done.accept(result);
        }, failure -> finish(failure instanceof CancellationException
                ? title + ": cancelled" : title + " failed: " + describe(failure)));
        return true;
    }

    /** Asks the running work to stop at its next step. */
    public void cancel() {
        Cancellation cancel = cancellation;
        if (cancel != null && running.get()) {
            message.set(message.get() + " (cancelling...)"); // before the job can see the cancel and finish
            cancel.cancel();
        }
    }

    /** Clears the closing message. */
    public void dismiss() {
        if (!running.get()) {
            message.set("");
        }
    }

    private void finish(String text) {
        running.set(false);
        progress.set(-1);
        message.set(text);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
