package dev.engram.core.ingest;

import dev.engram.core.Cancellation;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.scope.EpisodicConfig;
import dev.engram.core.scope.ProjectStore;
import dev.engram.core.scope.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One step of short-term memory for one (scope, producer): when the producer's episodes not yet
 * in the summary fill more than the window, the oldest of them (half a window's worth) are
 * folded into the summary by the model, and the summary is stored with the uid it now covers.
 * Nothing is written unless the model answered, so a failure leaves everything as it was.
 */
final class SummaryFolder {
    private static final int PAGE = 200;

    /** What a step did: nothing to fold, folded (there may be more), or must look again. */
    enum Step { NOTHING, FOLDED, AGAIN }

    private final EpisodeStore episodes;
    private final ProjectStore projects;
    private final SummaryStore summaries;
    private final Supplier<LanguageModel> model;
    private final ModelSettings models;
    private final SummarySettings settings;
    private final Clock clock;

    SummaryFolder(EpisodeStore episodes, ProjectStore projects, SummaryStore summaries, Supplier<LanguageModel> model,
                  ModelSettings models, SummarySettings settings, Clock clock) {
        this.episodes = episodes;
        this.projects = projects;
        this.summaries = summaries;
        this.model = model;
        this.models = models;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Folds once if the window overflows.
     *
     * @throws ModelUnavailableException, ModelErrorException or InvalidModelOutputException when
     *         the model cannot write the summary; nothing is changed then
     */
    Step foldOnce(Scope scope, String producer, Cancellation cancel) {
        Optional<EpisodicConfig> config = projects.episodicConfig(scope);
        if (config.isEmpty() || !config.get().enabled() || !config.get().shortTermEnabled()) {
            return Step.NOTHING; // deleted, or short-term memory switched off: nothing is asked of the model
        }
        ShortTermSummary current = summaries.get(scope, producer).orElse(ShortTermSummary.none(scope, producer));
        List<Episode> batch = overflow(scope, producer, current.foldedThrough());
        if (batch.isEmpty()) {
            return Step.NOTHING;
        }
        LanguageModel lm = model.get();
        String name = models.extractionModelAmong(lm.models());
        if (name.isEmpty()) {
            throw new ModelErrorException("Ollama at " + lm.location() + " has no models: pull one (ollama pull"
                    + " llama3.2) or set llm.extraction_model", null);
        }
        String answer = lm.chat(name, SummaryPrompt.messages(current.text(), batch, settings.maxWords(),
                settings.capacity()), piece -> { }, cancel);
        if (cancel.isCancelled()) {
            return Step.NOTHING; // stopping: a partial answer is not a summary
        }
        String text = SummaryPrompt.clean(answer);
        if (text.isEmpty()) {
            throw new InvalidModelOutputException("the model " + name + " answered with an empty summary");
        }
        if (projects.find(scope).isEmpty()) {
            return Step.NOTHING; // deleted while the model was writing
        }
        if (!summaries.get(scope, producer).orElse(ShortTermSummary.none(scope, producer)).equals(current)
                || episodes.getAll(scope, batch.stream().map(Episode::uid).toList()).size() != batch.size()) {
            return Step.AGAIN; // episodes were deleted while the model was writing: fold again without them
        }
        summaries.put(new ShortTermSummary(scope, producer, text, batch.getLast().uid(),
                current.foldedCount() + batch.size(), clock.instant()));
        return Step.FOLDED;
    }

    /** The oldest unfolded episodes to fold now: empty while the unfolded ones fit the window. */
    List<Episode> overflow(Scope scope, String producer, long foldedThrough) {
        List<Episode> unfolded = new ArrayList<>();
        long chars = 0;
        long after = foldedThrough;
        while (chars <= settings.capacity()) {
            List<Episode> page = episodes.producedAfter(scope, producer, after, PAGE);
            for (Episode e : page) {
                unfolded.add(e);
                chars += e.content().length();
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().uid();
        }
        if (chars <= settings.capacity()) {
            return List.of();
        }
        List<Episode> batch = new ArrayList<>();
        long folded = 0;
        for (Episode e : unfolded) {
            batch.add(e);
            folded += e.content().length();
            if (folded >= settings.foldChars()) {
                break;
            }
        }
        return batch;
    }
}
