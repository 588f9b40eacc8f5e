package dev.engram.core.memory;

import dev.engram.core.episode.Episode;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.MemoryType;
import java.util.List;
import java.util.Set;

/** A page of episodes and facts, and which types were listed. */
public record ListOutcome(List<Episode> episodes, List<ProfileFact> facts, Set<MemoryType> types) {
    public ListOutcome {
        episodes = List.copyOf(episodes);
        facts = List.copyOf(facts);
        types = Set.copyOf(types);
    }
}
