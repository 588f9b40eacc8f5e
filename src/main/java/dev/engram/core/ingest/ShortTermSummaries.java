package dev.engram.core.ingest;

import dev.engram.core.Cancellation;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.ProjectStore;
import dev.engram.core.scope.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short-term memory's background worker: one virtual thread that folds overflowing episodes into
 * each (project, producer)'s rolling summary. Adds only queue their pairs and wake it, so an add
 * never waits for the model. At start it checks every pair of the store, so whatever was added
 * while it was not running (or before a restart) is caught up. When the model is unreachable or
 * fails, the pair stays queued and everything waits a backoff that doubles up to a bound.
 */
public final class ShortTermSummaries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShortTermSummaries.class);
    private static final int MAX_PARTICIPANTS = 100_000;
    private static final Duration IDLE = Duration.ofMinutes(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** A (project, producer) to check; the one with no scope asks for a check of the whole store. */
    private record Key(Scope scope, String producer) {
        static final Key EVERYTHING = new Key(null, null);
    }

    private final EpisodeStore episodes;
    private final ProjectStore projects;
    private final SummaryStore summaries;
    private final SummaryFolder folder;
    private final SummarySettings settings;
    private final Clock clock;
    private final AtomicReference<LanguageModel> model;
    private final RetryQueue<Key> queue;
    private final Cancellation cancel = Cancellation.none();
    private volatile SummarizerState state = SummarizerState.STOPPED;
    private volatile boolean stopped;
    private Thread worker;

    public ShortTermSummaries(EpisodeStore episodes, ProjectStore projects, SummaryStore summaries, LanguageModel model,
                              ModelSettings models, SummarySettings settings, Clock clock) {
        this.episodes = episodes;
        this.projects = projects;
        this.summaries = summaries;
        this.settings = settings;
        this.clock = clock;
        this.model = new AtomicReference<>(model);
        this.folder = new SummaryFolder(episodes, projects, summaries, this.model::get, models, settings, clock);
        this.queue = new RetryQueue<>(settings.retryBackoff(), settings.maxBackoff(), clock);
    }

    /** Starts the worker (once); it first checks every (project, producer) of the store. */
    public synchronized void start() {
        if (worker == null && !stopped) {
            state = new SummarizerState(true, null, null, null, null, 0, 0);
            queue.add(Key.EVERYTHING);
            worker = Thread.ofVirtual().name("engram-short-term-summaries").start(this::run);
        }
    }

    /** Tells the worker about new episodes; returns at once. */
    public void added(List<Episode> added) {
        queue.addAll(added.stream().map(e -> new Key(e.scope(), e.producer())).toList());
    }

    /** Uses another model server from now on (e.g. a changed Ollama URL) and retries at once. */
    public void useModel(LanguageModel languageModel) {
        model.set(languageModel);
        queue.retryNow();
    }

    public SummarizerState state() {
        return state;
    }

    /** The summaries of a project, most recently written first (for display). */
    public List<ShortTermSummary> of(Scope scope) {
        return summaries.all(scope);
    }

    private void run() {
        LOG.info("Short-term summaries started (window {} characters)", settings.capacity());
        try {
            work();
        } catch (Error e) {
            LOG.error("Short-term summaries stopped by an unexpected error", e);
            SummarizerState s = state;
            state = new SummarizerState(false, s.lastRun(), s.lastSuccess(), "stopped: " + e, null, s.folds(),
                    queue.size());
            throw e;
        }
    }

    private void work() {
        while (!stopped) {
            Key key;
            try {
                key = queue.next(IDLE);
            } catch (InterruptedException e) {
                return;
            }
            if (key == null || stopped) {
                continue;
            }
            try {
                SummaryFolder.Step step = key == Key.EVERYTHING ? checkEverything()
                        : folder.foldOnce(key.scope(), key.producer(), cancel);
                if (step != SummaryFolder.Step.NOTHING) {
                    queue.add(key); // there may be more to fold; other pairs get their turn first
                }
                queue.succeeded();
                succeeded(step == SummaryFolder.Step.FOLDED);
            } catch (RuntimeException e) {
                if (!stopped) {
                    failed(key, e);
                }
            }
        }
    }

    private SummaryFolder.Step checkEverything() {
        for (Project project : projects.list()) {
            queue.addAll(episodes.participants(project.scope(), MAX_PARTICIPANTS).stream()
                    .map(p -> new Key(project.scope(), p)).toList());
        }
        return SummaryFolder.Step.NOTHING;
    }

    private void succeeded(boolean folded) {
        SummarizerState s = state;
        Instant now = clock.instant();
        state = new SummarizerState(true, now, folded ? now : s.lastSuccess(), folded ? null : s.lastError(), null,
                s.folds() + (folded ? 1 : 0), queue.size());
    }

    private void failed(Key key, RuntimeException e) {
        Duration wait = queue.failed(key);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        SummarizerState s = state;
        String what = key == Key.EVERYTHING ? "the check of all projects" : key.scope() + " " + key.producer();
        String line = "Short-term summary of {} failed, retrying in {}: {}";
        String in = wait.toMillis() < 1000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s";
        if (message.equals(s.lastError())) { // the same failure again (Ollama still down): keep the log quiet
            LOG.debug(line, what, in, message);
        } else {
            LOG.warn(line, what, in, message);
        }
        Instant now = clock.instant();
        state = new SummarizerState(true, now, s.lastSuccess(), message, now.plus(wait), s.folds(), queue.size());
    }

    /** Stops the worker: a model answer being written is abandoned (nothing is stored from it). */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = worker;
        }
        cancel.cancel();
        queue.close();
        if (running != null) {
            try {
                if (!running.join(STOP_WAIT)) {
                    LOG.warn("Short-term summaries did not stop within {} s", STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("Short-term summaries stopped");
        }
        state = SummarizerState.STOPPED;
    }
}
