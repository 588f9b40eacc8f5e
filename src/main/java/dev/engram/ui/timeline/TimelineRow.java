package dev.engram.ui.timeline;

import dev.engram.core.episode.Episode;
import java.time.LocalDate;

/** A line of the timeline: a day's header, or an episode. */
public sealed interface TimelineRow {
    record Day(LocalDate day, long count) implements TimelineRow {
    }

    record Item(Episode episode) implements TimelineRow {
    }
}
