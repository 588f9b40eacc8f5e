package dev.engram.core.ingest;

import java.time.Instant;
import java.util.List;

/**
 * The state of fact extraction for a project: episodes waiting, batches that failed for good
 * (with the model's error), the last run, and what the worker is doing now: {@code idle},
 * {@code running}, {@code waiting} (for Ollama or a model; {@code waitingFor} says why) or
 * {@code off} (switched off in the settings).
 */
public record ExtractionStatus(int pending, List<ExtractionQueue.FailedBatch> failed, Instant lastRun, String lastError,
                               String worker, String waitingFor) {
    public ExtractionStatus {
        failed = List.copyOf(failed);
    }

    public int failedEpisodes() {
        return failed.stream().mapToInt(b -> b.episodeUids().size()).sum();
    }
}
