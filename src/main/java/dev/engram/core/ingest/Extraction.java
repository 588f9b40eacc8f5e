package dev.engram.core.ingest;

import dev.engram.core.scope.Scope;
import java.util.Set;

/** What the interfaces (REST, CLI, app) may do with background fact extraction. */
public final class Extraction {
    private final ExtractionQueue queue;
    private final ExtractionWorker worker;

    public Extraction(ExtractionQueue queue, ExtractionWorker worker) {
        this.queue = queue;
        this.worker = worker;
    }

    public ExtractionStatus status(Scope scope) {
        return worker.status(scope);
    }

    /** Asks the background worker to extract the scope's waiting episodes now; returns at once. */
    public void requestNow(Scope scope) {
        worker.requestNow(scope);
    }

    /** Extracts the scope's waiting episodes now, on this thread, and says what changed. */
    public ExtractionWorker.Pass runNow(Scope scope) {
        return worker.runOnce(Set.of(scope));
    }

    /** One pass of what the background worker does: the sets whose triggers are met. */
    public ExtractionWorker.Pass runDue() {
        return worker.runOnce(Set.of());
    }

    /** Puts failed batches back in the queue (and asks for a run); returns how many episodes. */
    public int retryFailed(Scope scope) {
        int n = queue.retryFailed(scope);
        if (n > 0) {
            worker.requestNow(scope);
        }
        return n;
    }

    /** Forgets the queue of a deleted project. */
    public void forget(Scope scope) {
        queue.forget(scope);
    }
}
