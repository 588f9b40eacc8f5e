package dev.engram.core.memory;

import dev.engram.core.ingest.QueryVector;
import dev.engram.core.NotFoundException;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.ingest.ShortTermSummary;
import dev.engram.core.ingest.SummaryStore;
import dev.engram.core.profile.ProfileStore;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.EpisodicConfig;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Filters;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.ProjectStore;
import dev.engram.core.scope.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The memory as a whole: what spans both memory types (search, list, forgetting episodes and
 * projects). A filter is split per memory type first: a condition on a field only one type has
 * applies to that type only (MemMachine applied it to both and failed, its issue 690).
 */
public final class MemoryService {
    private final ProjectStore projects;
    private final EpisodeStore episodeStore;
    private final ProfileStore profileStore;
    private final EpisodicMemory episodes;
    private final ProfileMemory profile;
    private final SemanticConfigService semanticConfig;
    private final dev.engram.core.ingest.Extraction extraction;
    private final SummaryStore summaries;

    public MemoryService(ProjectStore projects, EpisodeStore episodeStore, ProfileStore profileStore,
                         EpisodicMemory episodes, ProfileMemory profile, SemanticConfigService semanticConfig,
                         dev.engram.core.ingest.Extraction extraction, SummaryStore summaries) {
        this.extraction = extraction;
        this.projects = projects;
        this.episodeStore = episodeStore;
        this.profileStore = profileStore;
        this.episodes = episodes;
        this.profile = profile;
        this.semanticConfig = semanticConfig;
        this.summaries = summaries;
    }

    public EpisodicMemory episodes() {
        return episodes;
    }

    public ProfileMemory profile() {
        return profile;
    }

    /** Background extraction of profile facts: its state, "ingest now", retrying failed batches. */
    public dev.engram.core.ingest.Extraction extraction() {
        return extraction;
    }

    /** Set types, sets, categories and tags: what profile extraction looks for, per set. */
    public SemanticConfigService semanticConfig() {
        return semanticConfig;
    }

    public ProjectStore projects() {
        return projects;
    }

    /**
     * Searches both memory types as asked, honouring the project's episodic switches. Short-term
     * memory is the {@code topK} most recent episodes that pass the filter, with the rolling
     * summaries of the producers the filter allows (see {@link SummarySelection}); long-term
     * memory is the relevance ranking, whether or not its hits are also recent.
     */
    public SearchOutcome search(SearchQuery query) {
        Filter episodic = query.includes(MemoryType.EPISODIC) ? Filters.restrictTo(query.filter(), MemoryType.EPISODIC) : null;
        Filter semantic = query.includes(MemoryType.SEMANTIC) ? Filters.restrictTo(query.filter(), MemoryType.SEMANTIC) : null;
        EpisodicConfig config = projects.episodicConfig(query.scope()).orElse(EpisodicConfig.DEFAULT);
        List<Episode> recent = List.of();
        List<String> summaryTexts = List.of();
        List<ScoredEpisode> found = List.of();
        QueryVector vector = episodes.queryVector(query.query()); // embedded once, for episodes and facts
        if (!query.query().isBlank()
                && ((episodic != null && config.enabled() && config.longTermEnabled()) || semantic != null)) {
            vector.prefetch(); // embedded while the recent episodes and the full-text hits are read
        }
        // profile facts are ranked beside the episodes, as soon as the vector is ready
        java.util.concurrent.CompletableFuture<List<ScoredFact>> facts = semantic == null
                ? java.util.concurrent.CompletableFuture.completedFuture(List.of())
                : vector.whenReady(() -> profile.search(query.scope(), vector, semantic, query.topK()));
        if (episodic != null && config.enabled()) {
            if (config.shortTermEnabled() && query.topK() > 0) {
                recent = episodeStore.list(query.scope(), episodic, new PageRequest(query.topK(), 0), Order.NEWEST_FIRST)
                        .reversed();
            }
            if (config.shortTermEnabled()) {
                summaryTexts = summaries.all(query.scope()).stream()
                        .filter(s -> SummarySelection.selects(episodic, s.producer()))
                        .map(ShortTermSummary::text).toList();
            }
            if (config.longTermEnabled()) {
                found = episodes.search(query.scope(), vector, episodic, query.topK(), query.expandContext(),
                        query.scoreThreshold());
            }
        }
        return new SearchOutcome(found, recent, summaryTexts, dev.engram.core.Futures.await(facts), query.types());
    }

    public ListOutcome list(ListQuery query) {
        Filter episodic = query.includes(MemoryType.EPISODIC) ? Filters.restrictTo(query.filter(), MemoryType.EPISODIC) : null;
        Filter semantic = query.includes(MemoryType.SEMANTIC) ? Filters.restrictTo(query.filter(), MemoryType.SEMANTIC) : null;
        return new ListOutcome(
                episodic == null ? List.of() : episodeStore.list(query.scope(), episodic, query.page(), query.order()),
                semantic == null ? List.of() : profileStore.list(query.scope(), semantic, query.page(), false),
                query.types());
    }

    /** Number of episodes in the scope that pass the filter's episodic part. */
    public long countEpisodes(Scope scope, Filter filter) {
        return episodeStore.count(scope, Filters.restrictTo(filter, MemoryType.EPISODIC));
    }

    /**
     * Forgets episodes (all or none: an unknown uid is NotFoundException and nothing changes);
     * facts that cited them keep their other citations, and short-term summaries that covered
     * them are dropped (to be written again without them).
     */
    public void deleteEpisodes(Scope scope, Collection<Long> uids, String actor) {
        List<Episode> doomed = uids.isEmpty() ? List.of() : episodeStore.getAll(scope, List.copyOf(uids));
        episodeStore.delete(scope, uids);
        profileStore.removeCitations(scope, uids, actor);
        forgetSummariesOf(scope, doomed);
    }

    /**
     * A summary that an episode was folded into would still tell what the episode said, so it is
     * dropped; short-term memory writes it again from the producer's remaining episodes (at their
     * next add, or when the summarizer next starts).
     */
    private void forgetSummariesOf(Scope scope, List<Episode> deleted) {
        Map<String, Long> oldest = deleted.stream().collect(Collectors.toMap(Episode::producer, Episode::uid, Math::min));
        oldest.forEach((producer, uid) -> summaries.get(scope, producer)
                .filter(summary -> uid <= summary.foldedThrough())
                .ifPresent(summary -> summaries.delete(scope, producer)));
    }

    /**
     * Deletes one project with all its episodes, facts and semantic configuration, and nothing of any other project
     * (MemMachine also wiped the organisation's shared facts). Safe to repeat after a crash.
     */
    public void deleteProject(Scope scope) {
        if (projects.find(scope).isEmpty()) {
            throw new NotFoundException("Project does not exist: " + scope);
        }
        extraction.forget(scope);
        profileStore.deleteAll(scope);
        semanticConfig.deleteAll(scope);
        summaries.deleteAll(scope);
        episodeStore.deleteAll(scope);
        projects.delete(scope);
    }

    public Project createProject(Scope scope, String description) {
        return projects.create(scope, description);
    }

    public EpisodicConfig episodicConfig(Scope scope) {
        return projects.episodicConfig(scope).orElseThrow(() -> new NotFoundException("Project does not exist: " + scope));
    }

    public void setEpisodicConfig(Scope scope, EpisodicConfig config) {
        projects.setEpisodicConfig(scope, config);
    }

    public Project project(Scope scope) {
        return projects.find(scope).orElseThrow(() -> new NotFoundException("Project does not exist: " + scope));
    }
}
