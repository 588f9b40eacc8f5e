package dev.engram.cli;

import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every memory command takes: where the data is and which scope to act on. */
public final class ScopeOptions {
    @Option(names = "--org", paramLabel = "ORG", defaultValue = Scope.DEFAULT_ID,
            description = "Organisation id (default: ${DEFAULT-VALUE}).")
    String org;

    @Option(names = "--project", paramLabel = "PROJECT", defaultValue = Scope.DEFAULT_ID,
            description = "Project id (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder (default: $ENGRAM_HOME, else the per-user application data folder).")
    Path dataDir;

    @Option(names = "--json", description = "Print MemMachine's JSON response shape.")
    boolean json;

    Scope scope() {
        return Scope.of(org, project);
    }
}
