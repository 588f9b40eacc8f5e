package dev.engram.cli;

import dev.engram.core.Cancellation;
import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Ids;
import dev.engram.core.transfer.TransferManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = {"Export a project's memory to a JSON Lines file: its episodes with every",
        "field and earlier texts, its facts with citations, validity and history, and a manifest."})
final class ExportCommand extends MemoryCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write (replaced as a whole once complete).")
    Path file;

    @Option(names = "--producer", paramLabel = "PERSON",
            description = "Only what this person said or was told, and the facts of their profile.")
    String producer;

    ExportCommand(EngramOpener opener) {
        super(opener);
    }

    @Override
    void validate() {
        if (producer != null) {
            Ids.requireActor("--producer", producer);
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("FILE", file + " is a folder; name the file to write");
        }
    }

    @Override
    void run(EngramOpener.OpenEngram engram, Output output) {
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        TransferManifest manifest = engram.transfers().export(options.scope(), producer, file, progress,
                Cancellation.none());
        progress.done();
        TransferManifest.Counts counts = manifest.counts();
        if (options.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toAbsolutePath().toString());
            out.put("org_id", manifest.scope().orgId());
            out.put("project_id", manifest.scope().projectId());
            out.put("episodes", counts.episodes());
            out.put("facts", counts.facts());
            output.json(out);
        } else {
            output.line("Exported %,d episodes (%,d earlier texts) and %,d facts (%,d history rows) of %s to %s.",
                    counts.episodes(), counts.revisions(), counts.facts(), counts.historyRows(), manifest.scope(),
                    file.toAbsolutePath());
        }
    }
}
