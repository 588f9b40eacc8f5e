package dev.engram.core.transfer;

import dev.engram.core.Cancellation;
import dev.engram.core.NotFoundException;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeRecord;
import dev.engram.core.episode.EpisodeRevision;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ProfileStore;
import dev.engram.core.scope.EpisodicConfig;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Ids;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.ProjectStore;
import dev.engram.core.scope.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Walks one scope (optionally one person's part of it) into a {@link RecordSink}: every episode
 * with its earlier texts, in uid order, then every fact (archived ones too) with its superseded
 * values and history, then the manifest with the counts. The walk by uid sees each episode that
 * existed when it started exactly once while others are being added.
 */
public final class ScopeExport {
    private static final int PAGE = 500;

    private final EpisodeStore episodes;
    private final ProfileStore facts;
    private final ProjectStore projects;
    private final EmbeddingSpace space;
    private final String version;
    private final Clock clock;

    public ScopeExport(EpisodeStore episodes, ProfileStore facts, ProjectStore projects, EmbeddingSpace space,
                       String version, Clock clock) {
        this.episodes = episodes;
        this.facts = facts;
        this.projects = projects;
        this.space = space;
        this.version = version;
        this.clock = clock;
    }

    /**
     * Exports the scope; {@code producer} (null: everyone) keeps the episodes that person said or
     * was told and the facts of their profile.
     */
    public TransferManifest run(Scope scope, String producer, RecordSink sink, Progress progress, Cancellation cancel) {
        String person = producer == null ? null : Ids.requireActor("producer", producer);
        Project project = projects.find(scope)
                .orElseThrow(() -> new NotFoundException("Project does not exist: " + scope));
        EpisodicConfig config = projects.episodicConfig(scope).orElse(EpisodicConfig.DEFAULT);
        Filter episodeFilter = person == null ? Filter.all()
                : FilterParser.parse("producer = '" + person + "' OR produced_for = '" + person + "'");
        Filter factFilter = person == null ? Filter.all() : FilterParser.parse("producer = '" + person + "'");
        long total = episodes.count(scope, episodeFilter);
        long episodeCount = 0;
        long revisionCount = 0;
        long after = 0;
        List<Episode> page;
        do {
            cancel.throwIfCancelled();
            page = episodes.listByUid(scope, episodeFilter, after, PAGE);
            Map<Long, List<EpisodeRevision>> revisions = episodes.revisionsOf(scope, page.stream().map(Episode::uid).toList());
            for (Episode e : page) {
                List<EpisodeRevision> earlier = revisions.getOrDefault(e.uid(), List.of());
                sink.episode(new EpisodeRecord(e, earlier));
                revisionCount += earlier.size();
                after = e.uid();
            }
            episodeCount += page.size();
            progress.update("Exporting episodes", episodeCount, Math.max(total, episodeCount));
        } while (page.size() == PAGE);

        long factCount = 0;
        long versionCount = 0;
        long historyCount = 0;
        int number = 0;
        List<ProfileFact> factPage;
        do {
            cancel.throwIfCancelled();
            factPage = facts.list(scope, factFilter, new PageRequest(PAGE, number++), true);
            for (ProfileFact fact : factPage) {
                List<FactVersion> versions = facts.versions(scope, fact.id());
                List<FactChange> history = facts.history(scope, fact.id());
                sink.fact(new FactRecord(fact, versions, history));
                versionCount += versions.size();
                historyCount += history.size();
            }
            factCount += factPage.size();
            progress.update("Exporting facts", factCount, -1);
        } while (factPage.size() == PAGE);

        TransferManifest manifest = new TransferManifest(TransferManifest.FORMAT, TransferManifest.VERSION,
                clock.instant(), version, scope, person,
                new TransferManifest.ProjectInfo(project.description(), project.createdAt(), config), space,
                new TransferManifest.Counts(episodeCount, revisionCount, factCount, versionCount, historyCount));
        sink.finish(manifest);
        return manifest;
    }
}
