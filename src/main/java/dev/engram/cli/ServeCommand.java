package dev.engram.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Run the REST API (MemMachine v2) and MCP over HTTP until stopped (Ctrl+C).")
public final class ServeCommand implements Callable<Integer> {
    /** Runs the server until the process is asked to stop. */
    public interface Runner {
        void serve(Options options, java.io.PrintWriter out);
    }

    /** What {@code engram serve} was given. */
    public record Options(Path dataDir, String host, int port, String token, long maxBodyBytes, String ollamaUrl,
                          String extractionModel) {
    }

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}); any other address requires --token.")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token", defaultValue = "${env:ENGRAM_TOKEN}",
            description = "Bearer token every request must carry (default: $ENGRAM_TOKEN).")
    String token;

    @Option(names = "--max-body", defaultValue = "1048576", description = "Largest request body in bytes (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder.")
    Path dataDir;

    @Option(names = "--ollama-url", paramLabel = "URL", description = "Ollama's URL (default: ollama.url in engram.properties).")
    String ollamaUrl;

    @Option(names = "--extraction-model", paramLabel = "MODEL",
            description = "Model that extracts profile facts (default: llm.extraction_model, else Ollama's first model).")
    String extractionModel;

    @Spec
    CommandSpec spec;

    private final Runner runner;

    ServeCommand(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        runner.serve(new Options(dataDir, host, port, token, maxBody, ollamaUrl, extractionModel), spec.commandLine().getOut());
        return 0;
    }
}
