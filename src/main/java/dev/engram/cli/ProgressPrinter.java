package dev.engram.cli;

import dev.engram.core.Progress;
import java.io.PrintWriter;

/** Progress of long work on the terminal: one line per task, rewritten in place a few times a second. */
final class ProgressPrinter implements Progress {
    private static final long INTERVAL_NANOS = 250_000_000L;
    private final PrintWriter err;
    private String task;
    private long lastPrinted;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        long now = System.nanoTime();
        boolean newTask = !task.equals(this.task);
        boolean complete = total > 0 && done >= total;
        if (!newTask && !complete && now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        if (newTask && this.task != null) {
            err.println();
        }
        this.task = task;
        lastPrinted = now;
        err.print("\r" + task + (total > 0 ? String.format(": %,d / %,d", done, total) : done > 0 ? String.format(": %,d", done) : "..."));
        err.flush();
    }

    /** Ends the progress line, if one was printed. */
    synchronized void done() {
        if (task != null) {
            err.println();
            err.flush();
            task = null;
        }
    }
}
