package dev.engram.ui.transfer;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.BackupReport;
import dev.engram.core.transfer.ConflictPolicy;
import dev.engram.core.transfer.ImportFormat;
import dev.engram.core.transfer.ImportReport;
import dev.engram.core.transfer.ImportRequest;
import dev.engram.core.transfer.TransferManifest;
import dev.engram.core.transfer.Transfers;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.State;
import dev.engram.ui.support.UiExecutors;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The File menu's work: export the current scope (or the person's part of it), import a file
 * into it, back up the whole memory. One job at a time, in the background, with progress and
 * cancel; the outcome (or what went wrong, and what to do) stays in {@link #messageProperty}.
 */
public final class TransferViewModel {
    // --- properties ----------------------------------------------------------------------------
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ScopeModel scope;
    private final Transfers transfers;
    private final UiExecutors executors;
    private final String dataFolder;
    private Cancellation cancel = Cancellation.none();
    private Runnable onImported = () -> { };

    public TransferViewModel(ScopeModel scope, Transfers transfers, UiExecutors executors, String dataFolder) {
        this.scope = scope;
        this.transfers = transfers;
        this.executors = executors;
        this.dataFolder = dataFolder;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What is running, with counts. */
    public ReadOnlyStringProperty taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last job's outcome, or its error. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Called on the FX side after an import stored something (screens reload). */
    public void setOnImported(Runnable onImported) {
        this.onImported = onImported;
    }

    /** The file name an export of the current scope is offered under. */
    public String suggestedExportName() {
        Scope current = scope.scope();
        return current == null ? "engram-export.jsonl" : current.orgId() + "-" + current.projectId() + ".jsonl";
    }

    // --- commands ------------------------------------------------------------------------------

    /** Exports the current scope; {@code onlyMe}: only what the person (the scope bar's "you") said or was told. */
    public void export(Path file, boolean onlyMe) {
        Scope current = requireScope();
        if (current == null) {
            return;
        }
        String producer = onlyMe ? scope.producer() : null;
        if (onlyMe && (producer == null || producer.isBlank())) {
            state.set(State.ERROR);
            message.set("Say who you are (\"you\") in the scope bar first: your part is what you said or were told.");
            return;
        }
        start("Exporting " + current, (progress, cancel) -> {
            TransferManifest m = transfers.export(current, producer, file, progress, cancel);
            return String.format("Exported %,d episodes and %,d facts of %s to %s.", m.counts().episodes(),
                    m.counts().facts(), current, file);
        }, false);
    }

    /** Imports a file into the current scope; a ChatGPT export's user messages get the person's id. */
    public void importFile(Path file, ImportFormat format, ConflictPolicy policy) {
        Scope current = requireScope();
        if (current == null) {
            return;
        }
        ImportRequest request = new ImportRequest(file, format, current, policy, scope.producer());
        start("Importing " + file.getFileName(), (progress, cancel) -> {
            ImportReport report = transfers.importFile(request, progress, cancel);
            return "Imported " + file.getFileName() + ": " + report.summary();
        }, true);
    }

    /** Writes a backup of the whole memory to {@code file} (complete, or not at all). */
    public void backup(Path file) {
        start("Backing up", (progress, cancel) -> {
            Path part = file.resolveSibling("." + file.getFileName() + ".part");
            try {
                BackupReport report;
                try (OutputStream out = Files.newOutputStream(part)) {
                    report = transfers.backup(out, progress, cancel);
                }
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
                return "Backed up " + report.summary() + " to " + file + ".";
            } catch (IOException e) {
                throw new UncheckedIOException("The backup could not be written to " + file + " (" + e.getMessage() + ")", e);
            } finally {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover hidden part file is harmless
                }
            }
        }, false);
    }

    /** Stops the running job at its next step. */
    public void cancel() {
        cancel.cancel();
    }

    /** How to restore a backup (it goes into a new data folder, so not into the open app). */
    public String restoreHelp() {
        return "A backup is restored into a new, empty data folder, then Engram is opened on that folder:\n\n"
                + "    engram restore BACKUP.zip --data-dir NEW-FOLDER\n"
                + "    engram --data-dir NEW-FOLDER\n\n"
                + "Everything comes back as it was: projects, episodes (with their ids), facts with their history,"
                + " and settings. This memory (" + dataFolder + ") is not changed. To replace it, close Engram,"
                + " move this folder aside, and restore into its place.";
    }

    // --- work ----------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Job {
        String run(Progress progress, Cancellation cancel);
    }

    private Scope requireScope() {
        Scope current = scope.scope();
        if (current == null) {
            state.set(State.ERROR);
            message.set("Choose a valid organisation and project in the scope bar first.");
        }
        return current;
    }

    private void start(String title, Job job, boolean reloads) {
        if (state.get() == State.WORKING) {
            return;
        }
        Cancellation current = new Cancellation();
        cancel = current;
        state.set(State.WORKING);
        task.set(title + "...");
        progress.set(-1);
        message.set("");
        Progress reporter = (name, done, total) -> executors.fx().execute(() -> {
            task.set(total > 0 ? String.format("%s: %,d of %,d", name, done, total) : name + "...");
            progress.set(total > 0 ? Math.min(1, (double) done / total) : -1);
        });
        Supplier<String> work = () -> job.run(reporter, current);
        executors.run(work, outcome -> {
            state.set(State.IDLE);
            message.set(outcome);
            if (reloads) {
                onImported.run();
            }
        }, failure -> {
            boolean cancelled = failure instanceof CancellationException;
            state.set(cancelled ? State.IDLE : State.ERROR);
            message.set(cancelled ? title + " cancelled; nothing was written." : failure.getMessage() == null
                    ? failure.toString() : failure.getMessage());
        });
    }
}
