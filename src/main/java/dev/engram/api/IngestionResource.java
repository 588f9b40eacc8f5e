package dev.engram.api;

import dev.engram.core.ingest.ExtractionQueue;
import dev.engram.core.ingest.ExtractionStatus;
import dev.engram.core.ingest.ExtractionWorker;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Scope;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /memories/semantic/ingestion/...} (an Engram addition): the state of background fact
 * extraction for a project, "ingest now", and retrying failed batches.
 */
final class IngestionResource implements ApiResource {
    private final MemoryService memory;

    IngestionResource(MemoryService memory) {
        this.memory = memory;
    }

    @Override
    public void routes(RoutesConfig routes) {
        ApiResource.post(routes, "/memories/semantic/ingestion/status",
                ex -> ex.ok(status(memory.extraction().status(ex.body().scope(true)))));
        ApiResource.post(routes, "/memories/semantic/ingestion/run", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            if (body.bool("wait", false)) {
                ExtractionWorker.Pass pass = memory.extraction().runNow(scope);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("batches", pass.batches());
                out.put("failed_batches", pass.failedBatches());
                out.put("added", pass.added());
                out.put("updated", pass.updated());
                out.put("archived", pass.archived());
                out.put("waiting_for", pass.waitingFor().isEmpty() ? null : pass.waitingFor());
                ex.ok(out);
            } else {
                memory.extraction().requestNow(scope);
                ex.json(202, status(memory.extraction().status(scope)));
            }
        });
        ApiResource.post(routes, "/memories/semantic/ingestion/retry",
                ex -> ex.ok(Map.of("retried", memory.extraction().retryFailed(ex.body().scope(true)))));
    }

    static Map<String, Object> status(ExtractionStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pending", status.pending());
        out.put("failed", status.failed().stream().map(IngestionResource::batch).toList());
        out.put("last_run", status.lastRun() == null ? null : status.lastRun().toString());
        out.put("last_error", status.lastError());
        out.put("worker", status.worker());
        out.put("waiting_for", status.waitingFor().isEmpty() ? null : status.waitingFor());
        return out;
    }

    private static Map<String, Object> batch(ExtractionQueue.FailedBatch batch) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("set_id", batch.setId());
        out.put("episode_uids", batch.episodeUids().stream().map(String::valueOf).toList());
        out.put("error", batch.error());
        out.put("failed_at", batch.failedAt().toString());
        return out;
    }
}
