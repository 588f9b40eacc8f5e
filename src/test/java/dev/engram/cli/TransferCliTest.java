package dev.engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.StoreUnavailableException;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.Transfers;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** engram export, import, backup and restore, as a person types them. */
class TransferCliTest {
    private final String org = SharedEngram.uniqueOrg("cli-io");
    private final MemoryService memory = SharedEngram.get().memory();
    private final List<Path> restored = new ArrayList<>();
    private boolean storesInUse;

    @TempDir
    Path dir;

    private final EngramOpener opener = dataDir -> {
        if (storesInUse) {
            throw new StoreUnavailableException("The episode store at /x is in use by another Engram process.", null);
        }
        return new EngramOpener.OpenEngram() {
            @Override
            public MemoryService memory() {
                return memory;
            }

            @Override
            public Transfers transfers() {
                return SharedEngram.get().transfers();
            }

            @Override
            public void close() {
            }
        };
    };

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EngramCli.commandLine(opener, d -> 0, (o, w) -> { }, d -> { }, null,
                (backup, dataDir, progress) -> {
                    restored.add(backup);
                    progress.update("Importing episodes", 3, 3);
                    return new RestoreCommand.Result(dataDir, 2, 3, 1, Instant.parse("2026-01-02T03:04:05Z"));
                }, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), "test");
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void exportThenImportElsewhereThenImportAgainChangesNothing() {
        run("add", "--org", org, "--project", "home", "--producer", "alice", "--timestamp", "2025-01-01T10:00:00Z", "I", "like", "tea");
        run("add", "--org", org, "--project", "home", "--producer", "bob", "--timestamp", "2025-01-01T10:01:00Z", "Coffee", "for", "me");
        Path file = dir.resolve("home.jsonl");
        Run exported = run("export", "--org", org, "--project", "home", file.toString());
        assertThat(exported.code()).isZero();
        assertThat(exported.out()).contains("Exported 2 episodes").contains(file.toString());
        assertThat(exported.err()).contains("Exporting episodes: 2 / 2");

        Run imported = run("import", "--org", org, "--project", "copy", file.toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains("2 episodes added").contains(org + "/copy");
        assertThat(imported.err()).contains("Importing episodes: 2 / 2");
        Run again = run("import", "--org", org, "--project", "copy", "--on-conflict", "replace", file.toString());
        assertThat(again.out()).contains("0 episodes added, 2 already there");
        assertThat(memory.countEpisodes(Scope.of(org, "copy"), Filter.all())).isEqualTo(2);
    }

    @Test
    void aChatGptExportIsRecognisedAndTheUserNamed() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/transfer/conversations.json").toURI());
        Run imported = run("import", "--org", org, "--project", "chats", "--user", "mira", file.toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains("6 episodes added");
        assertThat(memory.episodes().participants(Scope.of(org, "chats"))).containsExactly("assistant", "mira");
    }

    @Test
    void badFilesAndOptionsAreClearErrorsThatChangeNothing() throws Exception {
        Path file = dir.resolve("notes.jsonl");
        Files.writeString(file, "{\"content\": \"ok\", \"timestamp\": 1}\n{\"content\": 42, \"timestamp\": 2}\n");
        Run bad = run("import", "--org", org, "--project", "bad", file.toString());
        assertThat(bad.code()).isEqualTo(EngramCli.INVALID_INPUT);
        assertThat(bad.err()).contains("notes.jsonl line 2: content: must be a string").contains("Nothing was imported");
        assertThat(memory.projects().find(Scope.of(org, "bad"))).isEmpty();

        assertThat(run("import", "--on-conflict", "merge", file.toString()).err()).contains("--on-conflict: 'merge' is not one of [skip, replace]");
        assertThat(run("import", "--format", "csv", file.toString()).code()).isEqualTo(EngramCli.INVALID_INPUT);
        assertThat(run("import", dir.resolve("missing.json").toString()).err()).contains("is not a file");
        assertThat(run("export", "--org", org, "--project", "nothing", dir.resolve("x.jsonl").toString()).code())
                .isEqualTo(EngramCli.NOT_FOUND);
    }

    @Test
    void aBackupIsAskedOfTheRunningEngramWhenItHoldsTheDataFolder() throws Exception {
        run("add", "--org", org, "--project", "backed-up", "remember", "me");
        storesInUse = true;
        Path local = dir.resolve("local.zip");
        Run refused = run("backup", local.toString());
        assertThat(refused.code()).isEqualTo(EngramCli.STORE_UNAVAILABLE);
        assertThat(refused.err()).contains("engram backup --url http://127.0.0.1:8080");
        assertThat(local).doesNotExist();

        Path zip = dir.resolve("engram.zip");
        Run backup = run("backup", "--url", TestApi.baseUri().toString(), zip.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backed up").contains("projects");
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertThat(archive.getEntry("backup.json")).isNotNull();
            assertThat(archive.getEntry("profile/profile.sql")).isNotNull();
            assertThat(new String(archive.getInputStream(archive.getEntry("backup.json")).readAllBytes()))
                    .contains("\"project_id\" : \"backed-up\"");
        }
        assertThat(dir.toFile().list()).containsExactly("engram.zip");
        assertThat(run("backup", "--url", TestApi.baseUri().toString(), zip.toString()).err()).contains("exists already");

        var notJson = TestApi.send(HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/engram/backup"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(notJson.status()).isEqualTo(415);
    }

    @Test
    void restoreHandsTheBackupAndFolderToTheRunner() throws Exception {
        Path zip = Files.writeString(dir.resolve("b.zip"), "zip");
        Run restore = run("restore", "--data-dir", dir.resolve("new").toString(), zip.toString());
        assertThat(restore.code()).isZero();
        assertThat(restore.out()).contains("Restored 2 projects, 3 episodes and 1 facts (backup of 2026-01-02T03:04:05Z)");
        assertThat(restored).containsExactly(zip);
        assertThat(run("restore", dir.resolve("none.zip").toString()).code()).isEqualTo(EngramCli.INVALID_INPUT);
    }
}
