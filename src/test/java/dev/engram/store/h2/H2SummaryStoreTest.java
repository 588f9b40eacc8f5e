package dev.engram.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.ingest.ShortTermSummary;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2SummaryStoreTest {
    private static final Scope ONE = Scope.of("acme", "one");
    private static final Scope TWO = Scope.of("acme", "two");

    @TempDir
    Path dir;

    private static ShortTermSummary summary(Scope scope, String producer, String text, long through, String at) {
        return new ShortTermSummary(scope, producer, text, through, through * 2, Instant.parse(at));
    }

    @Test
    void aSummaryIsStoredReplacedAndKeptAcrossReopening() {
        ShortTermSummary second = summary(ONE, "alice", "Alice moved to Paris.", 9, "2026-01-01T10:05:00.123456Z");
        try (H2Database db = H2Database.open(dir)) {
            H2SummaryStore store = new H2SummaryStore(db);
            assertThat(store.get(ONE, "alice")).isEmpty();
            store.put(summary(ONE, "alice", "Alice lives in Lyon.", 4, "2026-01-01T10:00:00Z"));
            store.put(second);
            assertThat(store.get(ONE, "alice")).contains(second);
        }
        try (H2Database db = H2Database.open(dir)) {
            assertThat(new H2SummaryStore(db).get(ONE, "alice")).contains(second);
        }
    }

    @Test
    void summariesArePerProjectAndProducerNewestFirstAndDeletedPerProject() {
        try (H2Database db = H2Database.open(dir)) {
            H2SummaryStore store = new H2SummaryStore(db);
            ShortTermSummary alice = summary(ONE, "alice", "a", 3, "2026-01-01T10:00:00Z");
            ShortTermSummary bob = summary(ONE, "bob", "b", 5, "2026-01-01T11:00:00Z");
            ShortTermSummary other = summary(TWO, "alice", "other project", 7, "2026-01-01T12:00:00Z");
            store.put(alice);
            store.put(bob);
            store.put(other);

            assertThat(store.all(ONE)).containsExactly(bob, alice);
            assertThat(store.get(TWO, "alice")).contains(other);
            assertThat(store.get(ONE, "carol")).isEmpty();

            assertThat(store.delete(ONE, "bob")).isTrue();
            assertThat(store.delete(ONE, "bob")).isFalse();
            assertThat(store.all(ONE)).containsExactly(alice);
            store.put(bob);

            assertThat(store.deleteAll(ONE)).isEqualTo(2);
            assertThat(store.all(ONE)).isEmpty();
            assertThat(store.all(TWO)).containsExactly(other);
        }
    }
}
