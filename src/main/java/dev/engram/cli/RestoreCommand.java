package dev.engram.cli;

import dev.engram.core.InvalidInputException;
import dev.engram.core.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = {"Restore a backup into a new, empty data folder: the same projects, episodes",
        "(with their uids), facts (with their ids and history) and settings. Episodes are embedded again."})
public final class RestoreCommand implements Callable<Integer> {
    /** Restores a backup; implemented by the composition root. */
    @FunctionalInterface
    public interface Runner {
        Result restore(Path backup, Path dataDir, Progress progress);
    }

    /** What was restored, and where. */
    public record Result(Path dataDir, int projects, long episodes, long facts, Instant backupMadeAt) {
    }

    @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup zip (from engram backup or File > Backup...).")
    Path backup;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The new data folder (must be empty or not exist).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    private final Runner runner;

    RestoreCommand(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(backup)) {
            throw new InvalidInputException("BACKUP", backup.toAbsolutePath() + " is not a file");
        }
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        Result result = runner.restore(backup, dataDir, progress);
        progress.done();
        new Output(spec.commandLine().getOut()).line(
                "Restored %,d project%s, %,d episodes and %,d facts (backup of %s) into %s.", result.projects(),
                result.projects() == 1 ? "" : "s", result.episodes(), result.facts(), result.backupMadeAt(),
                result.dataDir());
        return 0;
    }
}
