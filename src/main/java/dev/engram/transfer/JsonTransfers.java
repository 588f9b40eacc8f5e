package dev.engram.transfer;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.ProjectStore;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.BackupReport;
import dev.engram.core.transfer.ConflictPolicy;
import dev.engram.core.transfer.ImportOptions;
import dev.engram.core.transfer.ImportReport;
import dev.engram.core.transfer.ImportRequest;
import dev.engram.core.transfer.ProfileBackup;
import dev.engram.core.transfer.ScopeExport;
import dev.engram.core.transfer.ScopeImport;
import dev.engram.core.transfer.TransferManifest;
import dev.engram.core.transfer.Transfers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

/** {@link Transfers} with JSON Lines exports and zip backups. */
public final class JsonTransfers implements Transfers {
    private final ScopeExport exporter;
    private final ScopeImport importer;
    private final ProjectStore projects;
    private final ProfileBackup profile;
    private final List<Path> settings;
    private final String version;
    private final Clock clock;

    /** {@code settings}: files copied into backups when they exist (engram.properties, ui.properties). */
    public JsonTransfers(ScopeExport exporter, ScopeImport importer, ProjectStore projects, ProfileBackup profile,
                         List<Path> settings, String version, Clock clock) {
        this.exporter = exporter;
        this.importer = importer;
        this.projects = projects;
        this.profile = profile;
        this.settings = List.copyOf(settings);
        this.version = version;
        this.clock = clock;
    }

    @Override
    public TransferManifest export(Scope scope, String producer, Path file, Progress progress, Cancellation cancel) {
        try (JsonlExportWriter writer = new JsonlExportWriter(file)) {
            return exporter.run(scope, producer, writer, progress, cancel);
        }
    }

    @Override
    public ImportReport importFile(ImportRequest request, Progress progress, Cancellation cancel) {
        var source = ImportFiles.open(request.file(), request.format(), request.user());
        return importer.run(source, ImportOptions.into(request.target(), request.policy()), progress, cancel);
    }

    /**
     * The profile database is copied first, then each project is exported: a fact in the backup
     * cites episodes that existed before it, which the later walk finds.
     */
    @Override
    public BackupReport backup(OutputStream out, Progress progress, Cancellation cancel) {
        Path work = null;
        try {
            work = Files.createTempDirectory("engram-backup-");
            progress.update("Backing up the profile database", 0, -1);
            Path script = work.resolve("profile.sql");
            profile.writeTo(script);
            List<Project> all = projects.list();
            List<TransferManifest> exports = new ArrayList<>();
            List<String> files = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                BackupArchive.addFile(zip, BackupArchive.PROFILE_ENTRY, script);
                Files.delete(script);
                for (Project project : all) {
                    cancel.throwIfCancelled();
                    Path file = work.resolve(String.format("%04d.jsonl", exports.size()));
                    Scope scope = project.scope();
                    exports.add(export(scope, null, file, (task, done, total) ->
                            progress.update(task + " of " + scope, done, total), cancel));
                    String name = "projects/" + file.getFileName();
                    BackupArchive.addFile(zip, name, file);
                    files.add(name);
                    Files.delete(file);
                }
                for (Path setting : settings) {
                    if (Files.isRegularFile(setting)) {
                        BackupArchive.addFile(zip, "settings/" + setting.getFileName(), setting);
                    }
                }
                BackupArchive.addManifest(zip, version, clock.instant(), files, exports);
            }
            return new BackupReport(exports.size(), exports.stream().mapToLong(m -> m.counts().episodes()).sum(),
                    exports.stream().mapToLong(m -> m.counts().facts()).sum());
        } catch (IOException e) {
            throw new UncheckedIOException("the backup could not be written: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Loads the episodes of an unpacked backup into this (new) store under their own uids; the
     * facts came with the restored profile database. Returns how many episodes were loaded.
     */
    public long restoreEpisodes(List<Path> exports, Progress progress, Cancellation cancel) {
        long loaded = 0;
        for (Path file : exports) {
            ImportReport report = importer.run(new EngramExportSource(file),
                    new ImportOptions(null, ConflictPolicy.SKIP, true, false), progress, cancel);
            loaded += report.episodes().added();
        }
        return loaded;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing for
        }
    }
}
