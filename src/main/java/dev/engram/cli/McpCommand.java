package dev.engram.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mcp", description = "Serve MCP over stdio (for Claude Desktop and other MCP clients) until stdin closes.")
public final class McpCommand implements Callable<Integer> {
    /** Runs the stdio MCP server; implemented by the composition root. */
    @FunctionalInterface
    public interface Runner {
        void serve(Path dataDir);
    }

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder.")
    Path dataDir;

    private final Runner runner;

    McpCommand(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        runner.serve(dataDir);
        return 0;
    }
}
