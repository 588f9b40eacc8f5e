package dev.engram.core.memory;

import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.scope.MemoryType;
import java.util.List;
import java.util.Set;

/** What a search found: long-term episodes and profile facts, and which types were searched. */
public record SearchOutcome(List<ScoredEpisode> episodes, List<ScoredFact> facts, Set<MemoryType> types) {
    public SearchOutcome {
        episodes = List.copyOf(episodes);
        facts = List.copyOf(facts);
        types = Set.copyOf(types);
    }
}
