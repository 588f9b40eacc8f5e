package dev.engram.core.transfer;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.scope.Scope;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Export, import and backup of an open Engram: what the command line, the desktop app and the
 * API ask for. Long work reports progress and stops at the next step when cancelled.
 */
public interface Transfers {

    /** Writes the scope (one person's part when {@code producer} is given) to {@code file}, whole or not at all. */
    TransferManifest export(Scope scope, String producer, Path file, Progress progress, Cancellation cancel);

    /** Imports a file: checked as a whole first (a bad file changes nothing), then written. */
    ImportReport importFile(ImportRequest request, Progress progress, Cancellation cancel);

    /** Writes a backup of the whole memory (every project, the profile database, the settings) as a zip. */
    BackupReport backup(OutputStream zip, Progress progress, Cancellation cancel);
}
