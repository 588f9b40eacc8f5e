package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import java.util.List;

/** Which profile sets a stored message feeds. */
@FunctionalInterface
public interface SetRouting {
    /** The speaker's own set only (when no set types or categories are configured). */
    SetRouting USER_SET = (scope, episode) -> List.of(SetIds.userSet(scope, episode.producer()));

    List<String> setsFor(Scope scope, Episode episode);
}
