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
import java.util.Set;
import java.util.stream.Collectors;

/** Maps core results to MemMachine's response shapes. */
public final class Views {
    private Views() {
    }

    public static AddResultView added(List<Episode> episodes) {
        return new AddResultView(episodes.stream().map(e -> new AddResultView.Uid(e.uidString())).toList());
    }

    /**
     * The search result in MemMachine's shape. As in MemMachine, a long-term hit that is also in
     * short-term memory is listed only there, so a prompt built from both never repeats it.
     */
    public static SearchResultView search(SearchOutcome outcome) {
        Set<Long> recent = outcome.recent().stream().map(Episode::uid).collect(Collectors.toSet());
        List<EpisodeView> longTerm = outcome.episodes().stream()
                .filter(hit -> !recent.contains(hit.episode().uid())).map(Views::scored).toList();
        List<EpisodeView> shortTerm = outcome.recent().stream().map(Views::recent).toList();
        List<SemanticFeatureView> facts = outcome.facts().stream().map(ScoredFact::fact).map(Views::feature).toList();
        return new SearchResultView(0, new SearchResultView.Content(new SearchResultView.EpisodicMemory(
                new SearchResultView.Episodes(longTerm), new SearchResultView.ShortTerm(shortTerm, outcome.summaries())), facts));
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
        return feature(fact, true);
    }

    /** A fact; its citations are left out unless asked for (MemMachine's {@code load_citations}). */
    public static SemanticFeatureView feature(ProfileFact fact, boolean withCitations) {
        return new SemanticFeatureView(fact.setId(), fact.category(), fact.tag(), fact.feature(), fact.value(),
                new SemanticFeatureView.Metadata(fact.idString(),
                        withCitations ? fact.citations().stream().map(String::valueOf).toList() : null,
                        emptyToNull(fact.metadata())));
    }

    private static Map<String, String> emptyToNull(Map<String, String> map) {
        return map.isEmpty() ? null : map;
    }
}
