package dev.engram.app;

import dev.engram.cli.RestoreCommand;
import dev.engram.core.Cancellation;
import dev.engram.core.ConflictException;
import dev.engram.core.Progress;
import dev.engram.core.StoreUnavailableException;
import dev.engram.core.scope.Project;
import dev.engram.store.h2.H2Database;
import dev.engram.transfer.BackupArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code engram restore}: a backup into a new data folder. The settings are put in place, the
 * profile database rebuilt from its script (same ids, history and counters), the stores opened, and each project's episodes loaded under their own uids
 * (embedded again, with progress), so facts' citations still name them. A restore that fails
 * leaves the folder as empty as it found it, to be tried again.
 */
final class RestoreMain implements RestoreCommand.Runner {
    /** What may already be in a "new" folder: the log the command itself writes. */
    private static final Set<String> ALLOWED = Set.of("logs");

    private final Clock clock;

    RestoreMain(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RestoreCommand.Result restore(Path backup, Path explicitDataDir, Progress progress) {
        Path dataDir = AppPaths.dataDirectory(explicitDataDir);
        requireEmpty(dataDir);
        Path work = null;
        try {
            work = Files.createTempDirectory("engram-restore-");
            progress.update("Unpacking " + backup.getFileName(), 0, -1);
            BackupArchive.Unpacked unpacked = BackupArchive.unpack(backup, dataDir, work);
            progress.update("Restoring the profile database", 0, -1);
            H2Database.restore(dataDir.resolve("profile"), unpacked.profileScript());
            try (Engram engram = Engram.open(dataDir, EngramConfig.load(dataDir), progress, clock)) {
                long episodes = engram.transfers().restoreEpisodes(unpacked.projects(), progress, Cancellation.none());
                long facts = 0;
                for (Project project : engram.memory().projects().list()) {
                    facts += engram.memory().profile().list(project.scope(), true, 10_000).size();
                }
                return new RestoreCommand.Result(dataDir, unpacked.projects().size(), episodes, facts,
                        unpacked.createdAt());
            }
        } catch (IOException e) {
            clear(dataDir);
            throw new StoreUnavailableException("Cannot restore into " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            clear(dataDir);
            throw e;
        } finally {
            deleteTree(work);
        }
    }

    private static void requireEmpty(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.anyMatch(p -> !ALLOWED.contains(p.getFileName().toString()))) {
                throw new ConflictException("The data folder " + dataDir + " is not empty. Restore into a new folder"
                        + " (--data-dir NEW), then use it with --data-dir NEW or ENGRAM_HOME=NEW.");
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot read the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Removes what a failed restore wrote (everything but the log). */
    private static void clear(Path dataDir) {
        try (Stream<Path> entries = Files.list(dataDir)) {
            entries.filter(p -> !ALLOWED.contains(p.getFileName().toString())).forEach(RestoreMain::deleteTree);
        } catch (IOException e) {
            // nothing more to do: the error being reported says what failed
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
