package dev.engram.core.episode;

import java.util.List;

/** The episodes around one episode in its project's time order, each list nearest first. */
public record Neighbours(List<Episode> before, List<Episode> after) {
    public Neighbours {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
