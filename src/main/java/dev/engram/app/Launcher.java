package dev.engram.app;

import dev.engram.cli.EngramCli;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The entry point ({@code Main-Class}): a plain class, not a JavaFX Application, so the jar runs
 * on the class path. It settles the data folder first, because logging writes there.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Path dataDir = AppPaths.dataDirectory(explicitDataDir(args));
        System.setProperty("engram.logDir", AppPaths.logDirectory(dataDir).toString());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Clock clock = Clock.systemUTC();
        // the desktop app (and JavaFX with it) is loaded only when it is the command run
        EngramCli.DesktopStarter desktop = folder -> new DesktopMain(clock).start(folder);
        int code = EngramCli.commandLine(new Bootstrap(clock, Launcher::progress), desktop,
                        new ServerMain(clock, Launcher::progress), new McpMain(), new BenchMain(), new RestoreMain(clock),
                        clock, Version.current())
                .execute(args);
        System.exit(code);
    }

    /** Long work at start-up (re-embedding) reports on the terminal. */
    private static void progress(String task, long done, long total) {
        System.err.printf("\r%s: %d%s", task, done, total > 0 ? " / " + total : "");
        if (done >= total) {
            System.err.println();
        }
    }

    /** The value of {@code --data-dir DIR} or {@code --data-dir=DIR}, if given. */
    static Path explicitDataDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return null;
    }
}
