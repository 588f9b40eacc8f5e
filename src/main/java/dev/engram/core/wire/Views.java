package dev.engram.core.wire;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.memory.ListOutcome;
import dev.engram.core.memory.SearchOutcome;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.MemoryType;
import java.util.List;
import java.util.Map;

/** Maps core results to MemMachine's response shapes. */
public final class Views {
    private Views() {
    }

    public static AddResultView added(List<Episode> episodes) {
        return new AddResultView(episodes.stream().map(e -> new AddResultView.Uid(e.uidString())).toList());
    }

    public static SearchResultView search(SearchOutcome outcome) {
        List<EpisodeView> longTerm = outcome.episodes().stream().map(Views::scored).toList();
        List<SemanticFeatureView> facts = outcome.facts().stream().map(ScoredFact::fact).map(Views::feature).toList();
        return new SearchResultView(0, new SearchResultView.Content(
                new SearchResultView.EpisodicMemory(new SearchResultView.Episodes(longTerm), null), facts));
    }

    public static ListResultView list(ListOutcome outcome) {
        List<ListedEpisodeView> episodes = outcome.types().contains(MemoryType.EPISODIC)
                ? outcome.episodes().stream().map(Views::listed).toList() : null;
        List<SemanticFeatureView> facts = outcome.types().contains(MemoryType.SEMANTIC)
                ? outcome.facts().stream().map(Views::feature).toList() : null;
        return new ListResultView(0, new ListResultView.Content(episodes, facts));
    }

    public static EpisodeView scored(ScoredEpisode scored) {
        Episode e = scored.episode();
        return new EpisodeView(e.uidString(), e.content(), e.producer(), e.role(), e.producedFor(), e.episodeType(),
                emptyToNull(e.metadata()), e.createdAt().toString(), scored.score());
    }

    public static EpisodeView recent(Episode e) {
        return new EpisodeView(e.uidString(), e.content(), e.producer(), e.role(), e.producedFor(), e.episodeType(),
                emptyToNull(e.metadata()), e.createdAt().toString(), null);
    }

    public static ListedEpisodeView listed(Episode e) {
        Map<String, String> metadata = emptyToNull(e.metadata());
        return new ListedEpisodeView(e.uidString(), e.content(), e.scope().key(), e.createdAt().toString(),
                e.producer(), e.role(), e.producedFor(), 0, e.episodeType(), "string", metadata, metadata);
    }

    public static SemanticFeatureView feature(ProfileFact fact) {
        return new SemanticFeatureView(fact.setId(), fact.category(), fact.tag(), fact.feature(), fact.value(),
                new SemanticFeatureView.Metadata(fact.idString(),
                        fact.citations().stream().map(String::valueOf).toList(), emptyToNull(fact.metadata())));
    }

    private static Map<String, String> emptyToNull(Map<String, String> map) {
        return map.isEmpty() ? null : map;
    }
}
