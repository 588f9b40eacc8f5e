package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import java.util.List;

/** Which profile sets stored messages feed. */
@FunctionalInterface
public interface SetRouting {
    /** The speaker's own set only (when no set types or categories are configured). */
    SetRouting USER_SET = (scope, episodes) -> episodes.stream()
            .map(e -> List.of(SetIds.userSet(scope, e.producer()))).toList();

    /** For each episode of one add (all of one scope), the ids of the sets it feeds, in order. */
    List<List<String>> setsFor(Scope scope, List<Episode> episodes);
}
