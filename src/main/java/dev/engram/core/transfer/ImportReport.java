package dev.engram.core.transfer;

import dev.engram.core.scope.Scope;

/**
 * What an import did. {@code unchanged}: already stored exactly so; {@code skipped}: stored
 * with differences and kept (policy skip); {@code replaced}: overwritten (policy replace);
 * {@code duplicates}: records repeated within the file; {@code citationsDropped}: citations of
 * episodes that were not in the file. {@code cancelled}: stopped between batches (run again to finish).
 */
public record ImportReport(String file, Scope scope, Tally episodes, Tally facts, long citationsDropped,
                           boolean cancelled) {

    /** Counts for one kind of record. */
    public record Tally(long added, long unchanged, long skipped, long replaced, long duplicates) {
        public long total() {
            return added + unchanged + skipped + replaced + duplicates;
        }
    }

    /** One line for people, e.g. "12 episodes added, 3 already there; 2 facts added". */
    public String summary() {
        String text = describe("episode", episodes) + "; " + describe("fact", facts)
                + (citationsDropped > 0 ? "; " + citationsDropped + " citations of episodes not in the file dropped" : "");
        return (cancelled ? "Cancelled (run the same import again to finish): " : "") + text + " in " + scope + ".";
    }

    private static String describe(String noun, Tally t) {
        StringBuilder out = new StringBuilder(String.format("%,d %s%s added", t.added(), noun, t.added() == 1 ? "" : "s"));
        if (t.unchanged() > 0) {
            out.append(String.format(", %,d already there", t.unchanged()));
        }
        if (t.skipped() > 0) {
            out.append(String.format(", %,d differing kept as stored", t.skipped()));
        }
        if (t.replaced() > 0) {
            out.append(String.format(", %,d replaced", t.replaced()));
        }
        if (t.duplicates() > 0) {
            out.append(String.format(", %,d repeated in the file", t.duplicates()));
        }
        return out.toString();
    }
}
