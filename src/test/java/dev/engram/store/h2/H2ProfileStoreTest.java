package dev.engram.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.NotFoundException;
import dev.engram.core.StoreUnavailableException;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile store on a real H2 file; tests keep apart by project. */
class H2ProfileStoreTest {
    @TempDir
    static Path dir;
    static H2Database db;
    static H2ProfileStore store;
    static final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

    @BeforeAll
    static void open() {
        db = H2Database.open(dir);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        store = new H2ProfileStore(db, clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ProfileFact add(Scope scope, String tag, String feature, String value, Map<String, String> meta) {
        return store.add(scope, new NewFact(SetIds.projectSet(scope), null, "profile", tag, feature, value,
                FactSource.API, List.of(7L, 8L), meta), value, new float[] {1, 0, 0}, "test");
    }

    private static List<String> values(Scope scope, String filter) {
        return store.list(scope, FilterParser.parse(filter), new PageRequest(100, 0), false).stream()
                .map(ProfileFact::value).toList();
    }

    @Test
    void anUpdateSupersedesTheOldValueKeepingItAsAClosedVersion() {
        Scope scope = Scope.of("h2", "versions");
        now.set(Instant.parse("2025-01-01T00:00:00Z"));
        ProfileFact fact = add(scope, "Home", "city", "Paris", Map.of());
        now.set(Instant.parse("2025-03-01T00:00:00Z"));
        ProfileFact moved = store.update(scope, fact.id(), FactPatch.value("Lisbon"), "Lisbon", new float[] {0, 1, 0}, "alice");

        assertThat(moved.value()).isEqualTo("Lisbon");
        assertThat(moved.validFrom()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(moved.citations()).containsExactly(7L, 8L);
        assertThat(store.versions(scope, fact.id())).singleElement().satisfies(v -> {
            assertThat(v.value()).isEqualTo("Paris");
            assertThat(v.validFrom()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
            assertThat(v.validTo()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        });
        var history = store.history(scope, fact.id());
        assertThat(history).extracting(c -> c.action()).containsExactly(FactAction.ADD, FactAction.UPDATE);
        assertThat(history.get(1).before().value()).isEqualTo("Paris");
        assertThat(history.get(1).after().value()).isEqualTo("Lisbon");
        assertThat(history.get(1).actor()).isEqualTo("alice");
        assertThat(store.search(scope, new float[] {0, 1, 0}, Filter.all(), 1)).singleElement()
                .satisfies(s -> assertThat(s.score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6)));
    }

    @Test
    void archivedFactsLeaveSearchAndListingUntilRestored() {
        Scope scope = Scope.of("h2", "archive");
        ProfileFact fact = add(scope, "Food", "diet", "vegetarian", Map.of());
        ProfileFact archived = store.setStatus(scope, fact.id(), FactStatus.ARCHIVED, "alice");
        assertThat(archived.validTo()).isNotNull();
        assertThat(store.search(scope, new float[] {1, 0, 0}, Filter.all(), 5)).isEmpty();
        assertThat(values(scope, "")).isEmpty();
        assertThat(store.list(scope, Filter.all(), new PageRequest(10, 0), true)).hasSize(1);
        ProfileFact restored = store.setStatus(scope, fact.id(), FactStatus.ACTIVE, "alice");
        assertThat(restored.validTo()).isNull();
        assertThat(values(scope, "")).containsExactly("vegetarian");
        assertThat(store.history(scope, fact.id())).extracting(c -> c.action())
                .containsExactly(FactAction.ADD, FactAction.ARCHIVE, FactAction.RESTORE);
    }

    @Test
    void hostileTextIsStoredAndMatchedLiterally() {
        Scope scope = Scope.of("h2", "hostile");
        List<String> hostile = List.of("'; DROP TABLE fact; --", "\\' OR 1=1 --", "Robert'); DELETE FROM fact_history;--",
                "%_*", "naïve ☕ 🙂 שלום", "line\nbreak");
        for (String value : hostile) {
            add(scope, "Tricky", "f", value, Map.of("k", value));
        }
        for (String value : hostile) {
            String quoted = "'" + value.replace("'", "''") + "'";
            assertThat(values(scope, "value = " + quoted)).containsExactly(value);
            assertThat(values(scope, "m.k = " + quoted)).containsExactly(value);
        }
        assertThat(store.count(scope, Filter.all(), false)).isEqualTo(hostile.size());
        assertThatThrownBy(() -> add(scope, "T", "f", "v", Map.of("k'ey", "v")))
                .isInstanceOf(dev.engram.core.InvalidInputException.class).hasMessageContaining("metadata key");
        assertThat(store.count(Scope.of("h2", "versions"), Filter.all(), true)).isPositive();
    }

    @Test
    void numericMetadataComparesAsNumbersAndNonNumbersNeverMatch() {
        Scope scope = Scope.of("h2", "numbers");
        add(scope, "N", "a", "nine", Map.of("n", "9"));
        add(scope, "N", "b", "ten", Map.of("n", " 10 "));
        add(scope, "N", "c", "text", Map.of("n", "ten"));
        add(scope, "N", "d", "none", Map.of());
        assertThat(values(scope, "m.n > 9.5")).containsExactly("ten");
        assertThat(values(scope, "m.n < 100")).containsExactly("nine", "ten");
        assertThat(values(scope, "m.n > '9'")).as("quoted values compare as text").containsExactly("text");
        assertThat(values(scope, "m.n IN (9, 10)")).containsExactly("nine", "ten");
        assertThat(values(scope, "m.n IS NULL")).containsExactly("none");
        assertThat(values(scope, "NOT m.n = 9")).containsExactly("ten");
        assertThat(values(scope, "m.n != 'ten'")).containsExactly("nine", "ten");
    }

    @Test
    void deleteIsAllOrNothingAndItsHistoryRemains() {
        Scope scope = Scope.of("h2", "delete");
        ProfileFact a = add(scope, "T", "a", "one", Map.of());
        ProfileFact b = add(scope, "T", "b", "two", Map.of());
        assertThatThrownBy(() -> store.delete(scope, List.of(a.id(), 999_999L), "test"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999");
        assertThatThrownBy(() -> store.delete(Scope.of("h2", "other"), List.of(a.id()), "test"))
                .isInstanceOf(NotFoundException.class);
        assertThat(values(scope, "")).containsExactly("one", "two");
        store.delete(scope, List.of(a.id(), b.id()), "test");
        assertThat(values(scope, "")).isEmpty();
        assertThat(store.history(scope, a.id())).extracting(c -> c.action()).containsExactly(FactAction.ADD, FactAction.DELETE);
        assertThat(store.history(Scope.of("h2", "other"), a.id())).isEmpty();
    }

    @Test
    void aModelChangeMarksEveryVectorStaleUntilReembedded() {
        Scope scope = Scope.of("h2", "reembed");
        ProfileFact fact = add(scope, "T", "x", "reembed me", Map.of());
        store.resetEmbeddingSpace(new EmbeddingSpace("model-b", 3));
        assertThat(store.embeddingSpace()).contains(new EmbeddingSpace("model-b", 3));
        assertThat(store.staleEmbeddings(10_000)).containsEntry(fact.id(), "reembed me");
        assertThat(store.search(scope, new float[] {1, 0, 0}, Filter.all(), 5)).isEmpty();
        var stale = store.staleEmbeddings(10_000);
        stale.replaceAll((id, text) -> null);
        java.util.Map<Long, float[]> vectors = new java.util.HashMap<>();
        stale.keySet().forEach(id -> vectors.put(id, new float[] {1, 0, 0}));
        store.storeEmbeddings(vectors);
        assertThat(store.staleEmbeddings(10)).isEmpty();
        assertThat(store.search(scope, new float[] {1, 0, 0}, Filter.all(), 5)).hasSize(1);
    }

    @Test
    void aSecondProcessOnTheSameFolderGetsAClearError() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                "-Dengram.logDir=" + dir.resolve("child-logs"), dev.engram.support.H2OpenChild.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        String output = new String(other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(other.waitFor()).isZero();
        assertThat(output).contains("StoreUnavailableException").contains("in use by another Engram process");
    }
}
