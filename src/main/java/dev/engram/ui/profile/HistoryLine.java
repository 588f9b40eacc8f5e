package dev.engram.ui.profile;

import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactSnapshot;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A history row in words: "2026-11-20 14:03 · user · value: 'meat' → 'vegetarian'". */
final class HistoryLine {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HistoryLine() {
    }

    static String of(FactChange change, ZoneId zone) {
        return WHEN.format(change.at().atZone(zone)) + " · " + change.actor() + " · " + what(change);
    }

    static String what(FactChange change) {
        FactSnapshot before = change.before();
        FactSnapshot after = change.after();
        return switch (change.action()) {
            case ADD -> "added " + after.feature() + " = '" + after.value() + "'";
            case DELETE -> "deleted (was '" + before.value() + "')";
            case ARCHIVE -> "archived";
            case RESTORE -> "restored";
            case UNCITE -> "lost citations " + removed(before.citations(), after.citations());
            case UPDATE -> updated(before, after);
        };
    }

    private static String updated(FactSnapshot before, FactSnapshot after) {
        List<String> parts = new ArrayList<>();
        diff(parts, "category", before.category(), after.category());
        diff(parts, "tag", before.tag(), after.tag());
        diff(parts, "feature", before.feature(), after.feature());
        diff(parts, "value", before.value(), after.value());
        if (!before.metadata().equals(after.metadata())) {
            parts.add("metadata changed");
        }
        return parts.isEmpty() ? "updated (no visible change)" : String.join("; ", parts);
    }

    private static void diff(List<String> parts, String name, String before, String after) {
        if (!before.equals(after)) {
            parts.add(name + ": '" + before + "' → '" + after + "'");
        }
    }

    private static List<Long> removed(List<Long> before, List<Long> after) {
        List<Long> gone = new ArrayList<>(before);
        gone.removeAll(after);
        return gone;
    }
}
