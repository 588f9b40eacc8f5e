package dev.engram.ui.timeline;

import dev.engram.core.episode.Episode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The list's rows: episodes under a header per day, kept consistent as rows come and go. */
final class TimelineRows {
    private TimelineRows() {
    }

    /** The rows that show {@code episodes} after {@code rows}: a day header wherever the day changes. */
    static List<TimelineRow> grouped(List<TimelineRow> rows, List<Episode> episodes, SortedMap<LocalDate, Long> days,
                                     ZoneId zone) {
        LocalDate last = null;
        for (int i = rows.size() - 1; i >= 0 && last == null; i--) {
            if (rows.get(i) instanceof TimelineRow.Item item) {
                last = day(item.episode(), zone);
            }
        }
        List<TimelineRow> more = new ArrayList<>();
        for (Episode episode : episodes) {
            LocalDate day = day(episode, zone);
            if (!day.equals(last)) {
                more.add(new TimelineRow.Day(day, days.getOrDefault(day, 0L)));
                last = day;
            }
            more.add(new TimelineRow.Item(episode));
        }
        return more;
    }

    /** Removes a deleted episode's row (and its day header when it was the day's last); returns the new day counts. */
    static SortedMap<LocalDate, Long> remove(List<TimelineRow> rows, Episode deleted, SortedMap<LocalDate, Long> days,
                                             ZoneId zone) {
        LocalDate day = day(deleted, zone);
        rows.removeIf(row -> row instanceof TimelineRow.Item item && item.episode().uid() == deleted.uid());
        SortedMap<LocalDate, Long> counts = new TreeMap<>(days);
        counts.computeIfPresent(day, (d, n) -> n > 1 ? n - 1 : null);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof TimelineRow.Day header && header.day().equals(day)) {
                boolean empty = i + 1 >= rows.size() || rows.get(i + 1) instanceof TimelineRow.Day;
                if (empty) {
                    rows.remove(i);
                } else {
                    rows.set(i, new TimelineRow.Day(day, counts.getOrDefault(day, 0L)));
                }
                break;
            }
        }
        return counts;
    }

    static LocalDate day(Episode episode, ZoneId zone) {
        return episode.createdAt().atZone(zone).toLocalDate();
    }
}
