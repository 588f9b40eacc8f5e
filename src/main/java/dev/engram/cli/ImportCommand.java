package dev.engram.cli;

import dev.engram.core.Cancellation;
import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.ConflictPolicy;
import dev.engram.core.transfer.ImportFormat;
import dev.engram.core.transfer.ImportReport;
import dev.engram.core.transfer.ImportRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = {"Import a file: an Engram export, a ChatGPT conversations.json, LoCoMo",
        "conversations or JSON Lines of messages. The whole file is checked first: a bad file changes nothing.",
        "Importing the same file again adds nothing."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, engram, chatgpt, locomo or jsonl (default: ${DEFAULT-VALUE}, recognised from the file).")
    String format;

    @Option(names = "--org", paramLabel = "ORG", description = "Organisation to import into (default: the export's, else universal).")
    String org;

    @Option(names = "--project", paramLabel = "PROJECT", description = "Project to import into (default: the export's, else universal).")
    String project;

    @Option(names = "--on-conflict", defaultValue = "skip", paramLabel = "POLICY",
            description = "What to do with a record stored already but different: skip (keep what is stored) or replace (default: ${DEFAULT-VALUE}).")
    String onConflict;

    @Option(names = "--user", paramLabel = "PERSON", description = "ChatGPT: who you are (producer of your messages; default: user).")
    String user;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    private final EngramOpener opener;

    ImportCommand(EngramOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        ImportRequest request = new ImportRequest(file, choice("--format", format, ImportFormat.class), target(),
                choice("--on-conflict", onConflict, ConflictPolicy.class), user);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("FILE", file.toAbsolutePath() + " is not a file");
        }
        Output output = new Output(spec.commandLine().getOut());
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        try (EngramOpener.OpenEngram engram = opener.open(dataDir)) {
            ImportReport report = engram.transfers().importFile(request, progress, Cancellation.none());
            progress.done();
            output.line("Imported %s: %s", file.getFileName(), report.summary());
        } finally {
            progress.done();
        }
        return 0;
    }

    private Scope target() {
        return org == null && project == null ? null : Scope.withDefaults(org, project);
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option, "'" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
