package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.memory.ProfileMemory;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts profile facts from queued episodes in the background. A set is extracted when it has
 * enough waiting messages or its oldest is old enough, or at once when asked. Invalid model
 * output is retried with backoff, then the batch is marked failed and the worker moves on; when
 * Ollama cannot be reached (or lacks the model) nothing is touched and the worker waits, trying
 * again with growing pauses (up to a minute), so the queue resumes by itself.
 */
public final class ExtractionWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionWorker.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(1);

    private final ExtractionQueue queue;
    private final EpisodeStore episodes;
    private final CategorySource categories;
    private final Supplier<LanguageModel> model;
    private final Supplier<ModelSettings> models;
    private final ExtractionSettings settings;
    private final Clock clock;
    private final ProfileMemory profile;
    private final FactApplier applier;
    private final Consolidator consolidator;
    private final Set<Scope> requested = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final ReentrantLock passes = new ReentrantLock();
    private volatile String worker = "idle";
    private volatile String waitingFor = "";
    private volatile Thread thread;

    public ExtractionWorker(ExtractionQueue queue, EpisodeStore episodes, ProfileMemory profile,
                            CategorySource categories, Supplier<LanguageModel> model, Supplier<ModelSettings> models,
                            ExtractionSettings settings, Clock clock) {
        this.queue = queue;
        this.episodes = episodes;
        this.categories = categories;
        this.model = model;
        this.models = models;
        this.settings = settings;
        this.clock = clock;
        this.profile = profile;
        this.applier = new FactApplier(profile);
        this.consolidator = new Consolidator(profile);
        if (!settings.enabled()) {
            worker = "off";
        }
    }

    /** What one pass did. */
    public record Pass(int batches, int failedBatches, FactApplier.Changes changes, String waitingFor) {
        public int added() {
            return changes.added();
        }

        public int updated() {
            return changes.updated();
        }

        public int archived() {
            return changes.archived();
        }
    }

    /** Starts the background loop (once). */
    public synchronized void start() {
        if (thread == null && settings.enabled()) {
            thread = Thread.ofVirtual().name("engram-extraction").start(this::loop);
        }
    }

    /** Wakes the loop (after an add) so that a set that became due is extracted promptly. */
    public void wake() {
        wake.release();
    }

    /** Asks for the scope's waiting episodes to be extracted now, whatever the triggers say. */
    public void requestNow(Scope scope) {
        requested.add(scope);
        wake();
    }

    public ExtractionStatus status(Scope scope) {
        ExtractionQueue.LastRun last = queue.lastRun(scope).orElse(null);
        return new ExtractionStatus(queue.pendingCount(scope), queue.failed(scope), last == null ? null : last.at(),
                last == null ? null : last.error(), worker, waitingFor);
    }

    /** Runs one pass now on the calling thread: the due sets, and every waiting set of {@code now}'s scopes. */
    public Pass runOnce(Set<Scope> now) {
        passes.lock();
        try {
            return pass(now);
        } finally {
            passes.unlock();
        }
    }

    private void loop() {
        Duration pause = settings.pollInterval();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
                Set<Scope> asked = Set.copyOf(requested);
                requested.removeAll(asked);
                Pass pass = runOnce(asked);
                if (pass.waitingFor().isEmpty()) {
                    pause = settings.pollInterval();
                } else {
                    requested.addAll(asked); // not done: still asked for when the model is back
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Extraction pass failed; trying again later", e);
                pause = MAX_PAUSE;
            }
        }
    }

    private Pass pass(Set<Scope> now) {
        Instant started = clock.instant();
        List<ExtractionQueue.WaitingSet> due = queue.waiting().stream()
                .filter(set -> now.contains(set.scope()) || set.pending() >= settings.triggerMessages()
                        || !set.oldest().plus(settings.triggerAge()).isAfter(started))
                .toList();
        if (due.isEmpty()) {
            return new Pass(0, 0, FactApplier.Changes.NONE, "");
        }
        String modelName;
        try {
            List<String> available = model.get().models();
            modelName = models.get().extractionModelAmong(available);
            if (modelName.isEmpty()) {
                return waiting("Ollama has no model: pull one (ollama pull qwen3:4b) or set llm.extraction_model");
            }
            if (!available.contains(modelName) && !available.contains(modelName + ":latest")) {
                return waiting("Ollama has no model '" + modelName + "': ollama pull " + modelName
                        + ", or set llm.extraction_model to one of " + available);
            }
        } catch (ModelUnavailableException | ModelErrorException e) {
            return waiting(e.getMessage());
        }
        worker = "running";
        int batches = 0;
        int failed = 0;
        FactApplier.Changes changes = FactApplier.Changes.NONE;
        for (ExtractionQueue.WaitingSet set : due) {
            List<Long> uids;
            while (!(uids = queue.pending(set.scope(), set.setId(), settings.batchSize())).isEmpty()) {
                try {
                    changes = changes.plus(extract(set, uids, modelName));
                    batches++;
                    queue.recordRun(set.scope(), clock.instant(), null);
                } catch (ModelUnavailableException e) {
                    return waiting(e.getMessage());
                } catch (InvalidModelOutputException e) {
                    failed++;
                    queue.fail(set.scope(), set.setId(), uids, e.getMessage(), clock.instant());
                    queue.recordRun(set.scope(), clock.instant(), e.getMessage());
                    LOG.warn("Extraction of {} episodes of {} failed for good: {}", uids.size(), set.setId(), e.getMessage());
                }
            }
        }
        worker = "idle";
        waitingFor = "";
        return new Pass(batches, failed, changes, "");
    }

    private Pass waiting(String why) {
        if (!why.equals(waitingFor)) {
            LOG.info("Extraction waits: {}", why);
        }
        worker = "waiting";
        waitingFor = why;
        return new Pass(0, 0, FactApplier.Changes.NONE, why);
    }

    private FactApplier.Changes extract(ExtractionQueue.WaitingSet set, List<Long> uids, String modelName) {
        List<Episode> batch = episodes.getAll(set.scope(), uids);
        FactApplier.Changes changes = FactApplier.Changes.NONE;
        if (!batch.isEmpty()) {
            List<Long> cited = batch.stream().map(Episode::uid).toList();
            for (ExtractionCategory category : categories.categories(set.scope(), set.setId())) {
                List<ProfileFact> current = profile.active(set.scope(), set.setId(), category.name());
                List<FactCommand> commands = withRetries(() -> ExtractionReplies.commands(model.get().chatJson(modelName,
                        ExtractionPrompts.extraction(category, current, batch), ExtractionPrompts.commandSchema(category)),
                        category));
                changes = changes.plus(applier.apply(set.scope(), set.setId(), set.producer(), category.name(), commands, cited));
                consolidate(set, category, modelName);
            }
        }
        queue.done(set.scope(), set.setId(), uids);
        return changes;
    }

    private void consolidate(ExtractionQueue.WaitingSet set, ExtractionCategory category, String modelName) {
        Map<String, List<ProfileFact>> crowded = consolidator.crowded(set.scope(), set.setId(), category.name(),
                settings.consolidateAt());
        crowded.forEach((tag, facts) -> {
            try {
                withRetries(() -> consolidator.apply(set.scope(), set.setId(), set.producer(), category.name(), tag, facts,
                        model.get().chatJson(modelName, ExtractionPrompts.consolidation(tag, facts),
                                ExtractionPrompts.consolidationSchema())));
            } catch (InvalidModelOutputException e) {
                LOG.warn("Consolidation of {} / {} skipped: {}", set.setId(), tag, e.getMessage());
            }
        });
    }

    /**
     * Calls the model up to maxAttempts times while its answer is invalid or it answers with an
     * error, pausing longer each time; a bad batch never loops.
     */
    private <T> T withRetries(Supplier<T> call) {
        Duration pause = settings.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (InvalidModelOutputException | ModelErrorException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw new InvalidModelOutputException("gave up after " + attempt + " attempts: " + e.getMessage(), e);
                }
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("extraction interrupted", e);
        }
    }

    @Override
    public void close() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
