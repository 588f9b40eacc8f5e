package dev.engram.core.memory;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.MemoryType;
import java.util.List;
import java.util.Set;

/**
 * What a search found: long-term episodes (by relevance), short-term episodes (the most recent,
 * oldest first; an episode can be in both), the short-term summaries of the producers searched
 * (most recently written first), profile facts, and which types were searched.
 */
public record SearchOutcome(List<ScoredEpisode> episodes, List<Episode> recent, List<String> summaries,
                            List<ScoredFact> facts, Set<MemoryType> types) {
    public SearchOutcome {
        episodes = List.copyOf(episodes);
        recent = List.copyOf(recent);
        summaries = List.copyOf(summaries);
        facts = List.copyOf(facts);
        types = Set.copyOf(types);
    }
}
