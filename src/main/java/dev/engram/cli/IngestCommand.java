package dev.engram.cli;

import dev.engram.core.ingest.ExtractionQueue;
import dev.engram.core.ingest.ExtractionStatus;
import dev.engram.core.ingest.ExtractionWorker;
import dev.engram.core.memory.MemoryService;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", description = {
        "Extract profile facts now from the project's waiting messages (with Ollama), or show the queue.",
        "The app, 'engram serve' and 'engram mcp' do this in the background by themselves."})
final class IngestCommand extends MemoryCommand {
    @Option(names = "--status", description = "Only show what is waiting, what failed and the last run.")
    boolean status;

    @Option(names = "--retry-failed", description = "Put failed batches back in the queue first.")
    boolean retryFailed;

    @Option(names = "--ollama-url", paramLabel = "URL", description = "Ollama's URL (default: ollama.url in engram.properties).")
    String ollamaUrl;

    @Option(names = "--extraction-model", paramLabel = "MODEL",
            description = "Model that extracts facts (default: llm.extraction_model, else Ollama's first model).")
    String extractionModel;

    IngestCommand(EngramOpener opener) {
        super(opener);
    }

    @Override
    void opened(EngramOpener.OpenEngram engram) {
        engram.useModels(ollamaUrl, extractionModel);
    }

    @Override
    void run(MemoryService memory, Output output) {
        if (retryFailed) {
            output.line("%d message(s) put back in the queue.", memory.extraction().retryFailed(options.scope()));
        }
        if (!status) {
            ExtractionWorker.Pass pass = memory.extraction().runNow(options.scope());
            if (!pass.waitingFor().isEmpty()) {
                output.line("Nothing extracted: %s", pass.waitingFor());
            } else {
                output.line("%d batch(es) extracted: %d fact(s) added, %d updated, %d archived; %d batch(es) failed.",
                        pass.batches(), pass.added(), pass.updated(), pass.archived(), pass.failedBatches());
            }
        }
        show(memory.extraction().status(options.scope()), output);
    }

    private void show(ExtractionStatus s, Output output) {
        if (options.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pending", s.pending());
            out.put("failed", s.failed());
            out.put("last_run", s.lastRun() == null ? null : s.lastRun().toString());
            out.put("last_error", s.lastError());
            output.json(out);
            return;
        }
        output.line("Waiting: %d message(s). Failed: %d batch(es). Last run: %s%s", s.pending(), s.failed().size(),
                s.lastRun() == null ? "never" : s.lastRun(), s.lastError() == null ? "" : " (error: " + s.lastError() + ")");
        for (ExtractionQueue.FailedBatch batch : s.failed()) {
            output.line("  failed %s: episodes %s: %s", batch.failedAt(), batch.episodeUids(), batch.error());
        }
    }
}
