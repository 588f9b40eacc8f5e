package dev.engram.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.ConflictPolicy;
import dev.engram.core.transfer.ImportFormat;
import dev.engram.support.SharedEngram;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.support.State;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The File menu's view model on the real store, without the toolkit. */
class TransferViewModelTest {
    private final MemoryService memory = SharedEngram.get().memory();
    private final String org = SharedEngram.uniqueOrg("menu");

    @TempDir
    Path dir;

    private TransferViewModel model(String project, String producer) {
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("scope.org", org);
        preferences.put("scope.project", project);
        preferences.put("scope.producer", producer);
        return new TransferViewModel(new ScopeModel(preferences), SharedEngram.get().transfers(), UiExecutors.direct(),
                "/data/engram");
    }

    @Test
    void exportsTheScopeAndImportsItIntoAnotherWithProgressAndAReload() throws Exception {
        memory.episodes().add(Scope.of(org, "from"), List.of(
                new NewEpisode("alice", "bot", "user", "I like green tea", Instant.parse("2025-02-01T10:00:00Z"), Map.of()),
                new NewEpisode("bob", "bot", "user", "I like coffee", Instant.parse("2025-02-01T10:05:00Z"), Map.of())));
        Path file = dir.resolve("from.jsonl");
        TransferViewModel from = model("from", "alice");
        assertThat(from.suggestedExportName()).isEqualTo(org + "-from.jsonl");
        from.export(file, true);
        assertThat(from.stateProperty().get()).isEqualTo(State.IDLE);
        assertThat(from.messageProperty().get()).startsWith("Exported 1 episodes and 0 facts of " + org + "/from");

        TransferViewModel into = model("into", "alice");
        List<String> tasks = new ArrayList<>();
        into.taskProperty().addListener((o, was, now) -> tasks.add(now));
        int[] reloads = {0};
        into.setOnImported(() -> reloads[0]++);
        into.importFile(file, ImportFormat.AUTO, ConflictPolicy.SKIP);
        assertThat(into.messageProperty().get()).isEqualTo("Imported from.jsonl: 1 episode added; 0 facts added in " + org + "/into.");
        assertThat(tasks).contains("Importing episodes: 1 of 1");
        assertThat(into.progressProperty().get()).isEqualTo(1.0);
        assertThat(reloads[0]).isEqualTo(1);
        assertThat(memory.countEpisodes(Scope.of(org, "into"), Filter.all())).isEqualTo(1);
    }

    @Test
    void aBadFileIsAnErrorNamingTheLineAndACancelledImportSaysHowToFinish() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"content\": \"x\"}\n");
        TransferViewModel model = model("cancel", "tester");
        model.importFile(bad, ImportFormat.AUTO, ConflictPolicy.SKIP);
        assertThat(model.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(model.messageProperty().get()).contains("bad.jsonl line 1").contains("timestamp");

        Path many = dir.resolve("many.jsonl");
        Files.write(many, IntStream.range(0, 200).mapToObj(i -> "{\"content\": \"note " + i + "\", \"timestamp\": "
                + (1_750_000_000L + i) + "}").toList());
        model.taskProperty().addListener((o, was, now) -> {
            if (now.startsWith("Importing episodes: 64 of")) {
                model.cancel();
            }
        });
        model.importFile(many, ImportFormat.JSONL, ConflictPolicy.SKIP);
        assertThat(model.stateProperty().get()).isEqualTo(State.IDLE);
        assertThat(model.messageProperty().get()).startsWith("Imported many.jsonl: Cancelled (run the same import again to finish)");
        assertThat(memory.countEpisodes(Scope.of(org, "cancel"), Filter.all())).isEqualTo(64);
    }

    @Test
    void backsUpTheWholeMemoryAndExplainsRestore() throws Exception {
        memory.episodes().add(Scope.of(org, "kept"), List.of(
                new NewEpisode("alice", null, "user", "keep me safe", Instant.parse("2025-02-01T10:00:00Z"), Map.of())));
        TransferViewModel model = model("kept", "alice");
        Path zip = dir.resolve("backup.zip");
        model.backup(zip);
        assertThat(model.messageProperty().get()).startsWith("Backed up ").endsWith(" to " + zip + ".");
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertThat(archive.getEntry("backup.json")).isNotNull();
        }
        assertThat(dir.toFile().list()).containsExactly("backup.zip");
        assertThat(model.restoreHelp()).contains("engram restore BACKUP.zip --data-dir NEW-FOLDER").contains("/data/engram");
    }

    @Test
    void anInvalidScopeIsReportedBeforeAnythingRuns() {
        TransferViewModel model = model("../etc", "alice");
        model.export(dir.resolve("x.jsonl"), false);
        assertThat(model.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(model.messageProperty().get()).contains("Choose a valid organisation and project");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }
}
