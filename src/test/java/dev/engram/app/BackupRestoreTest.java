package dev.engram.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.cli.RestoreCommand;
import dev.engram.core.Cancellation;
import dev.engram.core.ConflictException;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.BackupReport;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup made by the running Engram while another thread keeps adding, restored into a new
 * folder: the same projects, episodes with their uids, facts with their ids and history (even
 * of a deleted fact), settings, and the same searches.
 */
class BackupRestoreTest {
    private static final Scope TRIPS = Scope.of("acme", "trips");
    private static final Scope WORK = Scope.of("acme", "work");
    private static final Scope LIVE = Scope.of("acme", "live");

    @TempDir
    Path dir;

    @Test
    void aBackupMadeWhileWritingRestoresIntoANewFolderWithTheSameMemories() throws Exception {
        Path original = dir.resolve("original");
        Files.createDirectories(original);
        Files.writeString(original.resolve(EngramConfig.FILE_NAME), "search.candidates = 40\n");
        Path zip = dir.resolve("backup.zip");
        Snapshot before;
        long deletedFact;
        BackupReport report;
        List<Episode> live;
        try (Engram engram = Engram.open(original, EngramConfig.load(original), Progress.NONE, Clock.systemUTC())) {
            MemoryService memory = engram.memory();
            dev.engram.transfer.Seed.fill(memory, TRIPS);
            dev.engram.transfer.Seed.fill(memory, WORK);
            ProfileFact gone = memory.profile().add(WORK, new NewFact(SetIds.projectSet(WORK), null, "profile", "Misc",
                    "scratch", "to be deleted", FactSource.USER, List.of(), Map.of()), "test");
            memory.profile().delete(WORK, List.of(gone.id()), "test");
            deletedFact = gone.id();
            memory.episodes().add(LIVE, List.of(new NewEpisode("alice", null, "user", "live message 0",
                    Instant.parse("2025-01-01T00:00:00Z"), Map.of())));

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger(1);
            Thread writer = Thread.ofVirtual().start(() -> {
                while (writing.get() && written.get() < 150) {
                    int n = written.getAndIncrement();
                    memory.episodes().add(LIVE, List.of(new NewEpisode("alice", null, "user", "live message " + n,
                            Instant.parse("2025-01-01T00:00:00Z").plusSeconds(n), Map.of())));
                }
            });
            try (OutputStream out = Files.newOutputStream(zip)) {
                report = engram.transfers().backup(out, Progress.NONE, Cancellation.none());
            } finally {
                writing.set(false);
                writer.join();
            }
            before = Snapshot.of(memory, List.of(TRIPS, WORK));
            live = episodes(memory, LIVE);
            assertThat(written.get()).as("episodes were added while the backup ran").isGreaterThan(1);
        }
        assertThat(report.projects()).isEqualTo(3);

        Path restored = dir.resolve("restored");
        List<String> progress = new ArrayList<>();
        RestoreCommand.Result result = new RestoreMain(Clock.systemUTC()).restore(zip, restored,
                (task, done, total) -> progress.add(task));
        assertThat(result.projects()).isEqualTo(3);
        assertThat(progress).anyMatch(t -> t.startsWith("Importing episodes"));
        assertThat(Files.readString(restored.resolve(EngramConfig.FILE_NAME))).contains("search.candidates = 40");

        try (Engram engram = Engram.open(restored, EngramConfig.load(restored), Progress.NONE, Clock.systemUTC())) {
            MemoryService memory = engram.memory();
            Snapshot after = Snapshot.of(memory, List.of(TRIPS, WORK));
            assertThat(after.projects()).isEqualTo(before.projects());
            assertThat(after.episodes()).isEqualTo(before.episodes());
            assertThat(after.revisions()).isEqualTo(before.revisions());
            assertThat(after.facts()).isEqualTo(before.facts());
            assertThat(after.history()).isEqualTo(before.history());
            // Same hits in the same order; scores may move in the third decimal, because BM25's
            // statistics span the whole index and the live project differs (written during the backup),
            // and the restore embeds in other batches than the adds did (OnnxEmbedder.embedAll).
            assertThat(after.searches()).extracting(h -> h.split(" ")[0])
                    .isEqualTo(before.searches().stream().map(h -> h.split(" ")[0]).toList());
            for (int i = 0; i < before.searches().size(); i++) {
                assertThat(Double.parseDouble(after.searches().get(i).split(" ")[1])).isCloseTo(
                        Double.parseDouble(before.searches().get(i).split(" ")[1]), org.assertj.core.data.Offset.offset(0.01));
            }
            assertThat(memory.profile().history(WORK, deletedFact)).hasSize(2);
            List<Episode> restoredLive = episodes(memory, LIVE);
            assertThat(restoredLive).isNotEmpty().isSubsetOf(live);
            assertThat(restoredLive.getFirst()).isEqualTo(live.getFirst());
            long highest = live.stream().mapToLong(Episode::uid).max().orElseThrow();
            Episode next = memory.episodes().add(LIVE, List.of(new NewEpisode("alice", null, "user", "after the restore",
                    Instant.parse("2026-01-01T00:00:00Z"), Map.of()))).getFirst();
            assertThat(next.uid()).as("new uids never reuse restored ones").isGreaterThan(
                    restoredLive.stream().mapToLong(Episode::uid).max().orElseThrow());
            assertThat(highest).isPositive();
        }

        assertThatThrownBy(() -> new RestoreMain(Clock.systemUTC()).restore(zip, restored, Progress.NONE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not empty");
    }

    private static List<Episode> episodes(MemoryService memory, Scope scope) {
        return memory.episodes().page(scope, Filter.all(), new PageRequest(10_000, 0), Order.OLDEST_FIRST);
    }

    /** Everything compared, ids included. */
    record Snapshot(List<Project> projects, List<Episode> episodes, List<String> revisions, List<ProfileFact> facts,
                    List<String> history, List<String> searches) {
        static Snapshot of(MemoryService memory, List<Scope> scopes) {
            List<Episode> episodes = new ArrayList<>();
            List<String> revisions = new ArrayList<>();
            List<ProfileFact> facts = new ArrayList<>();
            List<String> history = new ArrayList<>();
            List<String> searches = new ArrayList<>();
            for (Scope scope : scopes) {
                for (Episode e : BackupRestoreTest.episodes(memory, scope)) {
                    episodes.add(e);
                    memory.episodes().revisions(scope, e.uid()).forEach(r -> revisions.add(r.toString()));
                }
                for (ProfileFact f : memory.profile().list(scope, true, 1000)) {
                    facts.add(f);
                    memory.profile().history(scope, f.id()).forEach(h -> history.add(h.toString()));
                    memory.profile().versions(scope, f.id()).forEach(v -> history.add(v.toString()));
                }
                for (String query : dev.engram.transfer.Seed.QUERIES) {
                    var found = memory.search(SearchQuery.of(scope, query, 3));
                    found.episodes().forEach(h -> searches.add(h.episode().uid() + String.format(java.util.Locale.ROOT, " %.4f", h.score())));
                    found.facts().forEach(h -> searches.add(h.fact().id() + String.format(java.util.Locale.ROOT, " %.4f", h.score())));
                }
            }
            List<Project> projects = memory.projects().list().stream().filter(p -> scopes.contains(p.scope()))
                    .map(p -> new Project(p.scope(), p.description(), Instant.EPOCH)).toList();
            return new Snapshot(projects, episodes, revisions, facts, history, searches);
        }
    }
}
