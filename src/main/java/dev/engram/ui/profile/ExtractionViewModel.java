package dev.engram.ui.profile;

import dev.engram.core.ingest.ExtractionStatus;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Scope;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.UiExecutors;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Background fact extraction as the profile screen shows it: what waits, what the worker does
 * (and why it waits), the last run, failed batches with the model's error; "extract now" and
 * "retry failed".
 */
public final class ExtractionViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    // --- properties ----------------------------------------------------------------------------
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasPending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasFailed = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.StringProperty model = new javafx.beans.property.SimpleStringProperty("");

    private final ScopeModel scope;
    private final MemoryService memory;
    private final UiExecutors executors;
    private final ZoneId zone;
    private Runnable onNewFacts = () -> { };
    private Instant lastRun;

    public ExtractionViewModel(ScopeModel scope, MemoryService memory, UiExecutors executors, ZoneId zone) {
        this.scope = scope;
        this.memory = memory;
        this.executors = executors;
        this.zone = zone;
        scope.scopeProperty().addListener((o, was, now) -> {
            lastRun = null;
            refresh();
        });
    }

    /** The extraction model chosen here ("" = the chat model, else Ollama's first model). */
    public javafx.beans.property.StringProperty modelProperty() {
        return model;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The error of the latest failed batch, or "" when none failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPendingProperty() {
        return hasPending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasFailedProperty() {
        return hasFailed.getReadOnlyProperty();
    }

    /** Called when a run finished since the last look (the facts list reloads). */
    public void setOnNewFacts(Runnable onNewFacts) {
        this.onNewFacts = onNewFacts;
    }

    // --- commands ------------------------------------------------------------------------------

    /** Reads the state again (the view calls this every few seconds while it is shown). */
    public void refresh() {
        Scope target = scope.scope();
        if (target == null) {
            summary.set("");
            return;
        }
        executors.run(() -> memory.extraction().status(target), status -> {
            if (target.equals(scope.scope())) {
                show(status);
            }
        }, e -> summary.set("Extraction state unavailable: " + e.getMessage()));
    }

    /** Asks the background worker to extract the scope's waiting messages now. */
    public void extractNow() {
        Scope target = scope.scope();
        if (target != null) {
            executors.run(() -> {
                memory.extraction().requestNow(target);
                return memory.extraction().status(target);
            }, this::show, e -> summary.set(e.getMessage()));
        }
    }

    public void retryFailed() {
        Scope target = scope.scope();
        if (target != null) {
            executors.run(() -> {
                memory.extraction().retryFailed(target);
                return memory.extraction().status(target);
            }, this::show, e -> summary.set(e.getMessage()));
        }
    }

    private void show(ExtractionStatus status) {
        StringBuilder text = new StringBuilder("Extraction: ");
        text.append(status.pending() == 0 ? "nothing waiting" : status.pending() + " message" + (status.pending() == 1 ? "" : "s")
                + " waiting");
        switch (status.worker()) {
            case "running" -> text.append(" · extracting now");
            case "waiting" -> text.append(" · waiting: ").append(status.waitingFor());
            case "off" -> text.append(" · off (extraction.enabled=false)");
            default -> { }
        }
        text.append(" · last run ").append(status.lastRun() == null ? "never" : TIME.format(status.lastRun().atZone(zone)));
        summary.set(text.toString());
        hasPending.set(status.pending() > 0);
        hasFailed.set(!status.failed().isEmpty());
        failure.set(status.failed().isEmpty() ? "" : String.format("%d batch%s (%d messages) failed: %s",
                status.failed().size(), status.failed().size() == 1 ? "" : "es", status.failedEpisodes(),
                status.failed().getLast().error()));
        if (status.lastRun() != null && !Objects.equals(status.lastRun(), lastRun)) {
            boolean first = lastRun == null;
            lastRun = status.lastRun();
            if (!first) {
                onNewFacts.run();
            }
        }
    }
}
