package dev.engram.store.h2;

import static dev.engram.store.h2.Fixtures.fact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.StoreUnavailableException;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DatabaseTest {
    private static final Scope SCOPE = Scope.of("acme", "assistant");

    @TempDir
    Path dir;

    @Test
    void openCreatesTheDatabaseFileAndMigratesTheSchema() throws Exception {
        try (H2Database database = H2Database.open(dir)) {
            assertThat(database.dataFile()).isEqualTo(dir.toAbsolutePath().resolve("profile.mv.db"));
            assertThat(database.dataFile()).exists();
            assertThat(tables(database)).contains("FACTS", "FACT_CITATION", "FACT_METADATA", "FACT_VERSION",
                    "FACT_HISTORY", "EMBEDDING_SPACE", "EXTRACTION_QUEUE", "EXTRACTION_RUN", "SHORT_TERM_SUMMARY",
                    "flyway_schema_history", "SEMANTIC_SET_TYPE", "SEMANTIC_SET", "SEMANTIC_SET_SET_TYPE",
                    "SEMANTIC_DISABLED_CATEGORY", "SEMANTIC_CATEGORY", "SEMANTIC_TAG");
            assertThat(appliedMigrations(database)).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateAgain() throws Exception {
        ProfileFact added;
        ProfileFact updated;
        try (H2Database database = H2Database.open(dir)) {
            H2ProfileStore store = new H2ProfileStore(database);
            added = store.add(SCOPE, fact("seat", "aisle", List.of(4L), Map.of("k", "v")), "seat aisle",
                    new float[] {1, 0}, "user");
            updated = store.update(SCOPE, added.id(), FactPatch.value("window"), "seat window", new float[] {0, 1},
                    "user");
            store.setStatus(SCOPE, added.id(), FactStatus.ARCHIVED, "user");
            updated = store.setStatus(SCOPE, added.id(), FactStatus.ACTIVE, "user");
        }
        try (H2Database database = H2Database.open(dir)) {
            H2ProfileStore store = new H2ProfileStore(database);
            assertThat(store.get(SCOPE, added.id())).contains(updated);
            assertThat(store.history(SCOPE, added.id())).hasSize(4);
            assertThat(store.versions(SCOPE, added.id())).hasSize(1);
            assertThat(store.search(SCOPE, new float[] {0, 1}, Filter.all(), 1)).hasSize(1);
            assertThat(appliedMigrations(database)).containsExactly("1", "2", "3", "4");
            ProfileFact next = store.add(SCOPE, fact("x", "y"), "x y", null, "user");
            assertThat(next.id()).isGreaterThan(added.id());
        }
    }

    @Test
    void aVersion1DatabaseIsMigratedToVersion2KeepingItsFacts() throws Exception {
        Path file = dir.resolve("profile");
        org.h2.jdbcx.JdbcDataSource v1 = new org.h2.jdbcx.JdbcDataSource();
        v1.setURL("jdbc:h2:file:" + file.toAbsolutePath());
        v1.setUser("sa");
        org.flywaydb.core.Flyway.configure().dataSource(v1).locations(H2Database.MIGRATIONS).target("1").load().migrate();
        try (Connection c = v1.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO facts (org_id, project_id, set_id, category, tag, feature, fact_value, status,"
                    + " valid_from, created_at, updated_at, source, indexed_text) VALUES ('acme', 'assistant', 'set-main',"
                    + " 'profile', 'Food', 'likes', 'pizza', 'active', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP, 'user', 'likes: pizza')");
            s.execute("SHUTDOWN");
        }
        try (H2Database database = H2Database.open(dir)) {
            assertThat(appliedMigrations(database)).containsExactly("1", "2", "3", "4");
            H2ProfileStore store = new H2ProfileStore(database);
            assertThat(store.list(SCOPE, Filter.all(), new PageRequest(10, 0), true))
                    .extracting(ProfileFact::value).containsExactly("pizza");
            H2SemanticConfigStore config = new H2SemanticConfigStore(database, java.time.Clock.systemUTC());
            config.registerSet(SCOPE, "set-main", false, List.of(), null);
            long category = config.addCategory(SCOPE, "set-main",
                    new dev.engram.core.profile.NewCategory("profile", "p", null)).id();
            assertThat(config.deleteCategory(SCOPE, category, "test")).as("the migrated fact is deletable").isOne();
        }
    }

    @Test
    void openingTheSameDirectoryTwiceInOneProcessIsRefusedWithAHelpfulMessage() {
        try (H2Database first = H2Database.open(dir)) {
            assertThatThrownBy(() -> H2Database.open(dir))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(first.dataFile().toString())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("Close the other one");
            H2ProfileStore store = new H2ProfileStore(first);
            assertThat(store.add(SCOPE, fact("a", "b"), "a b", null, "user").id()).as("first still works").isPositive();
        }
        try (H2Database again = H2Database.open(dir)) {
            assertThat(new H2ProfileStore(again).count(SCOPE, Filter.all(), true)).isOne();
        }
    }

    @Test
    void aDatabaseHeldByAnotherEngramProcessIsRefused() throws Exception {
        assertRefusedWhileAnotherProcessHolds("hold");
    }

    @Test
    void aDatabaseHeldByAnotherH2ProcessIsRefused() throws Exception {
        assertRefusedWhileAnotherProcessHolds("hold-raw");
    }

    private void assertRefusedWhileAnotherProcessHolds(String mode) throws Exception {
        try (ChildJvm child = ChildJvm.start(dir, mode)) {
            assertThat(child.next()).isEqualTo("open");
            assertThatThrownBy(() -> H2Database.open(dir))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("already in use by another Engram");
            assertThat(child.finish()).isZero();
        }
        try (H2Database database = H2Database.open(dir)) {
            assertThat(new H2ProfileStore(database).count(SCOPE, Filter.all(), true)).isZero();
        }
    }

    @Test
    void aCorruptFileIsRefusedWithWhatToDoAndReleasesTheLock() throws Exception {
        byte[] garbage = new byte[20_000];
        new Random(1).nextBytes(garbage);
        Files.write(dir.resolve("profile.mv.db"), garbage);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> H2Database.open(dir))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("damaged")
                    .hasMessageContaining("Restore it from a backup, or move it aside");
        }
    }

    @Test
    void aTruncatedFileIsRefusedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("profile.mv.db"), "hello world");

        assertThatThrownBy(() -> H2Database.open(dir))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot be read or written")
                .hasMessageContaining("restore it from a backup, or move it aside");
    }

    @Test
    void aCommittedFactSurvivesAKilledJvm() throws Exception {
        List<Long> committed = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(dir, "write")) {
            while (committed.size() < 40) {
                String line = child.next();
                assertThat(line).as("the writer died early").isNotNull();
                committed.add(Long.parseLong(line.substring("committed ".length())));
            }
            child.kill();
        }
        try (H2Database database = H2Database.open(dir)) {
            H2ProfileStore store = new H2ProfileStore(database);
            Scope scope = Scope.of("crash", "test");
            for (long id : committed) {
                assertThat(store.get(scope, id)).as("fact %d was committed", id).isPresent();
                assertThat(store.history(scope, id)).hasSize(1);
            }
            assertThat(store.list(scope, Filter.all(), new PageRequest(10_000, 0), true).size())
                    .isGreaterThanOrEqualTo(committed.size());
        }
    }

    /**
     * The file as it is the moment a commit returns is what a SIGKILL leaves behind (H2 writes
     * with plain file-channel writes, no user-space buffer), so a copy taken then is a crash image.
     * RETENTION_TIME 0 makes H2 reuse freed file space at once, as any store open for more than
     * 45 s (or reopened with free space in it) does: H2 2.5's chunk written into such a gap was not
     * found again after a crash (its store header named the previous chunk).
     */
    @Test
    void aCrashImageTakenWhenACommitReturnsHoldsEveryAcknowledgedFact() throws Exception {
        Scope scope = Scope.of("crash", "image");
        List<Long> acknowledged = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (H2Database database = H2Database.open(dir.resolve("live"))) {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                s.execute("SET RETENTION_TIME 0");
            }
            H2ProfileStore store = new H2ProfileStore(database);
            for (int i = 0; i < 24; i++) {
                ProfileFact added = store.add(scope, fact("f" + i, "value " + i, List.of((long) i), Map.of()),
                        "value " + i, new float[] {1, i}, "user");
                acknowledged.add(added.id());
                if (i % 3 == 2) {
                    store.setStatus(scope, acknowledged.get(i - 1), FactStatus.ARCHIVED, "user");
                }
                Path image = dir.resolve("image-" + i);
                Files.createDirectories(image);
                Files.copy(database.dataFile(), image.resolve("profile.mv.db"));
                try (H2Database reopened = H2Database.open(image)) {
                    H2ProfileStore copy = new H2ProfileStore(reopened);
                    for (long id : acknowledged) {
                        if (copy.get(scope, id).isEmpty()) {
                            missing.add("fact " + id + " in the image after commit " + i);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("acknowledged facts missing from a crash image").isEmpty();
    }

    @Test
    void aFactAcknowledgedJustBeforeASigkillIsThereAfterEveryKill() throws Exception {
        Scope scope = Scope.of("crash", "test");
        List<Long> acknowledged = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int[] writesPerRun = {5, 8, 3, 9, 6, 4};
        for (int run = 0; run < writesPerRun.length; run++) {
            try (ChildJvm child = ChildJvm.start(dir, "write-step")) {
                for (int i = 0; i < writesPerRun[run]; i++) {
                    child.send("next");
                    String line = child.next();
                    assertThat(line).as("the writer died early").isNotNull();
                    acknowledged.add(Long.parseLong(line.substring("committed ".length())));
                }
                child.kill(); // right after an acknowledgement, with nothing else in flight
            }
            try (H2Database database = H2Database.open(dir)) {
                H2ProfileStore store = new H2ProfileStore(database);
                for (long id : acknowledged) {
                    if (store.get(scope, id).isEmpty()) {
                        missing.add("fact " + id + " after kill " + (run + 1));
                    }
                }
            }
        }
        assertThat(missing).as("acknowledged facts lost to a SIGKILL").isEmpty();
    }

    @Test
    void theFileGrowsWithCommitsWhileOpenAndClosingGivesTheSpaceBack() throws Exception {
        Scope scope = Scope.of("acme", "growth");
        long whileOpen;
        long afterFirstSession = 0;
        for (int session = 0; session < 3; session++) {
            try (H2Database database = H2Database.open(dir)) {
                H2ProfileStore store = new H2ProfileStore(database);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ids.add(store.add(scope, fact("g" + session + "-" + i, "v"), "g v", new float[] {1, i}, "user").id());
                }
                for (int i = 0; i < 100; i++) {
                    store.setStatus(scope, ids.get(i % ids.size()),
                            i % 2 == 0 ? FactStatus.ARCHIVED : FactStatus.ACTIVE, "user");
                }
                whileOpen = Files.size(database.dataFile());
            }
            long closed = Files.size(dir.resolve("profile.mv.db"));
            assertThat(closed).as("session %d: closed %d bytes, %d while open", session, closed, whileOpen)
                    .isLessThan(whileOpen / 4);
            if (session == 0) {
                afterFirstSession = closed;
            }
        }
        try (H2Database database = H2Database.open(dir);
             Connection c = database.connection(); Statement s = c.createStatement()) {
            assertThat(H2Database.livePercent(s)).isGreaterThanOrEqualTo(H2Database.COMPACT_BELOW_LIVE_PERCENT);
            assertThat(Files.size(database.dataFile())).isLessThan(afterFirstSession * 4);
            assertThat(new H2ProfileStore(database).count(scope, Filter.all(), true)).isEqualTo(30);
        }
    }

    @Test
    void anOpenFileThatHasGrownIsCompactedWhileFourThreadsWriteAndNoneOfTheirFactsIsLost() throws Exception {
        Scope scope = Scope.of("acme", "compaction");
        java.util.Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (H2Database database = H2Database.open(dir)) {
            database.compactWhenGrownBy(256 << 10);
            H2ProfileStore store = new H2ProfileStore(database);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        ProfileFact added = store.add(scope, fact("t" + thread + "-" + i, "v" + i), "v", new float[] {thread, i}, "user");
                        ids.add(added.id());
                        if (i % 4 == 3) {
                            store.setStatus(scope, added.id(), FactStatus.ARCHIVED, "user");
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(database.compactions()).as("compactions while open").isGreaterThanOrEqualTo(2);
            assertThat(ids).hasSize(240);
            for (long id : ids) {
                assertThat(store.get(scope, id)).as("fact %d", id).isPresent();
            }
        }
        try (H2Database database = H2Database.open(dir)) {
            assertThat(new H2ProfileStore(database).count(scope, Filter.all(), true)).isEqualTo(240);
        }
    }

    @Test
    void factsAcknowledgedByAWriterKilledWhileItsFileIsBeingCompactedAreAllThere() throws Exception {
        List<Long> acknowledged = new ArrayList<>();
        for (int kill : new int[] {90, 140, 190}) {
            try (ChildJvm child = ChildJvm.start(dir, "write-compacting")) {
                for (int i = 0; i < kill; i++) {
                    String line = child.next();
                    assertThat(line).as("the writer died early").isNotNull();
                    acknowledged.add(Long.parseLong(line.substring("committed ".length())));
                }
                child.kill();
            }
            try (H2Database database = H2Database.open(dir)) {
                H2ProfileStore store = new H2ProfileStore(database);
                for (long id : acknowledged) {
                    assertThat(store.get(Scope.of("crash", "test"), id)).as("fact %d", id).isPresent();
                }
            }
        }
    }

    @Test
    void aClosedDatabaseRefusesWorkAndClosingTwiceIsHarmless() {
        H2Database database = H2Database.open(dir);
        H2ProfileStore store = new H2ProfileStore(database);
        database.close();
        database.close();
        assertThatThrownBy(() -> store.count(SCOPE, Filter.all(), true))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("closed");
    }

    private static List<String> tables(H2Database database) throws Exception {
        return strings(database, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
    }

    private static List<String> appliedMigrations(H2Database database) throws Exception {
        return strings(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY 1");
    }

    private static List<String> strings(H2Database database, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = database.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
