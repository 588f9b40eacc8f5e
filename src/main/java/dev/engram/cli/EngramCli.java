package dev.engram.cli;

import dev.engram.core.ConflictException;
import dev.engram.core.InvalidInputException;
import dev.engram.core.NotFoundException;
import dev.engram.core.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code engram} command: with no subcommand it opens the desktop app. */
@Command(name = "engram", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        description = "Engram: a local-first memory layer for AI agents.%n"
                + "With no command, opens the desktop app.")
public final class EngramCli implements Callable<Integer> {
    /** Exit codes, by kind of failure. */
    public static final int INVALID_INPUT = 3;
    public static final int NOT_FOUND = 4;
    public static final int CONFLICT = 5;
    public static final int STORE_UNAVAILABLE = 6;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder for the desktop app.")
    Path dataDir;

    private final DesktopStarter desktop;

    /** Opens the desktop app on a data folder and returns the exit code when it closes. */
    @FunctionalInterface
    public interface DesktopStarter {
        int start(Path dataDir);
    }

    private EngramCli(DesktopStarter desktop) {
        this.desktop = desktop;
    }

    @Override
    public Integer call() {
        return desktop.start(dataDir);
    }

    /** The command line with every subcommand wired to {@code opener}. */
    public static CommandLine commandLine(EngramOpener opener, DesktopStarter desktop, ServeCommand.Runner server,
                                          McpCommand.Runner mcp, BenchCommand.Runner bench, RestoreCommand.Runner restore,
                                          Clock clock, String version) {
        CommandLine cli = new CommandLine(new EngramCli(desktop));
        cli.getCommandSpec().version("Engram " + version);
        cli.addSubcommand(new ServeCommand(server));
        cli.addSubcommand(new McpCommand(mcp));
        cli.addSubcommand(new AddCommand(opener, clock));
        cli.addSubcommand(new SearchCommand(opener));
        cli.addSubcommand(new ListCommand(opener));
        cli.addSubcommand(new DeleteCommand(opener));
        cli.addSubcommand(new EditCommand(opener));
        cli.addSubcommand(new IngestCommand(opener));
        cli.addSubcommand(new CommandLine(new ProjectsCommand(opener))
                .addSubcommand(new ProjectsCommand.Create(opener))
                .addSubcommand(new ProjectsCommand.Delete(opener)));
        cli.addSubcommand(new CommandLine(new FactsCommand.Group())
                .addSubcommand(new FactsCommand.Add(opener))
                .addSubcommand(new FactsCommand.Update(opener))
                .addSubcommand(new FactsCommand.Archive(opener))
                .addSubcommand(new FactsCommand.Restore(opener))
                .addSubcommand(new FactsCommand.History(opener)));
        cli.addSubcommand(new ExportCommand(opener));
        cli.addSubcommand(new ImportCommand(opener));
        cli.addSubcommand(new BackupCommand(opener));
        cli.addSubcommand(new RestoreCommand(restore));
        cli.addSubcommand(new CommandLine(new BenchCommand.Group()).addSubcommand(new BenchCommand.Api(bench))
                .addSubcommand(new BenchCommand.Locomo(bench)).addSubcommand(new BenchCommand.Scale(bench))
                .addSubcommand(new BenchCommand.H2(bench)));
        cli.setExecutionExceptionHandler(EngramCli::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        int code = switch (e) {
            case InvalidInputException ignored -> INVALID_INPUT;
            case NotFoundException ignored -> NOT_FOUND;
            case ConflictException ignored -> CONFLICT;
            case StoreUnavailableException ignored -> STORE_UNAVAILABLE;
            default -> 1;
        };
        if (e instanceof java.io.UncheckedIOException io) {
            err.println("engram: " + io.getMessage() + (io.getCause() == null ? "" : " (" + io.getCause().getMessage() + ")"));
        } else if (code == 1) {
            err.println("engram: unexpected error: " + e);
            org.slf4j.LoggerFactory.getLogger(EngramCli.class).error("Command failed", e);
        } else {
            err.println("engram: " + e.getMessage());
        }
        err.flush();
        return code;
    }
}
