package dev.engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.core.memory.MemoryService;
import dev.engram.support.SharedEngram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI against the real stores (shared by the suite; each test uses its own org). */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String org = SharedEngram.uniqueOrg("cli");
    private final Clock clock = Clock.fixed(Instant.parse("2025-11-24T10:00:00Z"), ZoneOffset.UTC);

    private final EngramOpener opener = new EngramOpener() {
        @Override
        public OpenEngram open(Path dataDir) {
            MemoryService memory = SharedEngram.get().memory();
            return new OpenEngram() {
                @Override
                public MemoryService memory() {
                    return memory;
                }

                @Override
                public dev.engram.core.transfer.Transfers transfers() {
                    return SharedEngram.get().transfers();
                }

                @Override
                public void close() {
                    // the suite's shared stores stay open
                }
            };
        }
    };

    private static final BenchCommand.Runner NO_BENCH = new BenchCommand.Runner() {
        @Override
        public void api(BenchCommand.ApiOptions options, java.io.PrintWriter out) {
        }

        @Override
        public void locomo(BenchCommand.LocomoOptions options, java.io.PrintWriter out) {
        }
    };

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EngramCli.commandLine(opener, dir -> 0, (options, writer) -> { }, dir -> { }, NO_BENCH,
                (backup, dataDir, progress) -> {
                    throw new UnsupportedOperationException("restore is tested in BackupRestoreTest");
                }, clock, "test");
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void eachProjectSeesOnlyItsOwnMemories() throws Exception {
        Run first = run("add", "--org", org, "--project", "one", "--producer", "alice", "--json",
                "I", "prefer", "aisle", "seats");
        Run second = run("add", "--org", org, "--project", "two", "--producer", "bob", "--json",
                "I", "prefer", "window", "seats");
        assertThat(first.code()).isZero();
        String uidOne = first.json().at("/results/0/uid").asText();
        String uidTwo = second.json().at("/results/0/uid").asText();
        assertThat(uidOne).matches("\\d+");

        JsonNode inOne = run("search", "--org", org, "--project", "one", "--json", "seat", "preference").json();
        // a one-episode project: the hit is recent, so MemMachine's shape lists it under short-term memory only
        assertThat(inOne.at("/content/episodic_memory/long_term_memory/episodes")).isEmpty();
        JsonNode episodes = inOne.at("/content/episodic_memory/short_term_memory/episodes");
        assertThat(episodes).hasSize(1);
        assertThat(episodes.get(0).get("uid").asText()).isEqualTo(uidOne);
        assertThat(episodes.get(0).get("producer_id").asText()).isEqualTo("alice");
        assertThat(episodes.get(0).get("created_at").asText()).isEqualTo("2025-11-24T10:00:00Z");
        assertThat(episodes.get(0).has("produced_for_id")).as("null fields are omitted").isFalse();
        assertThat(episodes.get(0).has("score")).isFalse();
        assertThat(inOne.at("/content/semantic_memory").isArray()).isTrue();
        assertThat(inOne.get("status").asInt()).isZero();

        Run inTwo = run("search", "--org", org, "--project", "two", "seat");
        assertThat(inTwo.out()).contains(uidTwo).contains("window").doesNotContain("aisle");
    }

    @Test
    void ingestSaysWhyNothingWasExtractedAndShowsTheQueue() {
        run("add", "--org", org, "--project", "ingest", "--producer", "alice", "--role", "user", "I", "am", "vegetarian");
        run("add", "--org", org, "--project", "ingest", "--producer", "bot", "--role", "assistant", "Noted");

        Run ingest = run("ingest", "--org", org, "--project", "ingest");

        assertThat(ingest.code()).isZero();
        assertThat(ingest.out()).contains("Nothing extracted: Ollama is not running at http://127.0.0.1:9")
                .contains("Waiting: 1 message(s). Failed: 0 batch(es). Last run: never");
        assertThat(run("ingest", "--status", "--org", org, "--project", "ingest").out())
                .doesNotContain("Nothing extracted").contains("Waiting: 1 message(s)");
    }

    @Test
    void listPrintsMemMachinesListShape() throws Exception {
        run("add", "--org", org, "--project", "list", "--producer", "alice", "-m", "topic=travel", "--timestamp",
                "2025-01-01T08:00:00Z", "first");
        run("add", "--org", org, "--project", "list", "--producer", "bob", "--timestamp", "1735725600", "second");
        JsonNode listed = run("list", "--org", org, "--project", "list", "--type", "episodic", "--json").json();
        JsonNode episodes = listed.at("/content/episodic_memory");
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).get("content").asText()).isEqualTo("first");
        assertThat(episodes.get(0).get("session_key").asText()).isEqualTo(org + "/list");
        assertThat(episodes.get(0).at("/metadata/topic").asText()).isEqualTo("travel");
        assertThat(episodes.get(1).get("created_at").asText()).isEqualTo("2025-01-01T10:00:00Z");
        assertThat(listed.at("/content").has("semantic_memory")).isFalse();

        JsonNode filtered = run("list", "--org", org, "--project", "list", "--filter", "producer_id = 'bob'", "--json").json();
        assertThat(filtered.at("/content/episodic_memory")).hasSize(1);
    }

    @Test
    void badInputFailsBeforeOpeningTheStoresWithAClearMessageAndExitCode() {
        Run badFilter = run("search", "--org", org, "--filter", "producer = ", "anything");
        assertThat(badFilter.code()).isEqualTo(EngramCli.INVALID_INPUT);
        assertThat(badFilter.err()).contains("filter").contains("position");

        Run badOrg = run("list", "--org", "acme/evil");
        assertThat(badOrg.code()).isEqualTo(EngramCli.INVALID_INPUT);
        assertThat(badOrg.err()).contains("org_id");

        Run badTime = run("add", "--org", org, "--timestamp", "yesterday", "hello");
        assertThat(badTime.code()).isEqualTo(EngramCli.INVALID_INPUT);

        Run nothing = run("delete", "--org", org);
        assertThat(nothing.code()).isEqualTo(EngramCli.INVALID_INPUT);

        Run help = run("search", "--help"); // every command has --help, not only the top one
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: engram search").contains("--filter");
        assertThat(run("bench", "scale", "--help").out()).contains("--settle");

        Run badSettle = run("bench", "scale", "--settle", "-1");
        assertThat(badSettle.code()).isEqualTo(EngramCli.INVALID_INPUT);
        assertThat(badSettle.err()).contains("--settle");

        assertThat(run("bench", "scale", "--help").out()).contains("--replies");
        Run badReplies = run("bench", "scale", "--replies", "'; DROP");
        assertThat(badReplies.code()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        assertThat(badReplies.err()).contains("not one of: varied, repeated");
    }

    @Test
    void deletingAnUnknownEpisodeIsNotFound() {
        Run missing = run("delete", "--org", org, "--project", "gone", "--episode", "987654321");
        assertThat(missing.code()).isEqualTo(EngramCli.NOT_FOUND);
        assertThat(missing.err()).contains("987654321");
    }

    @Test
    void factsCanBeAddedUpdatedAndTheirHistoryShown() throws Exception {
        JsonNode added = run("facts", "add", "--org", org, "--project", "facts", "--producer", "alice",
                "--tag", "Food", "--feature", "diet", "--value", "vegetarian", "--json").json();
        String id = added.at("/metadata/id").asText();
        assertThat(added.get("set_id").asText()).contains("user_set").endsWith("producer_id_alice");
        assertThat(run("facts", "update", "--org", org, "--project", "facts", id, "--value", "vegan").code()).isZero();
        assertThat(run("facts", "archive", "--org", org, "--project", "facts", id).out()).contains("(archived)");
        assertThat(run("search", "--org", org, "--project", "facts", "--types", "semantic", "diet").out())
                .contains("Facts (0)");
        assertThat(run("facts", "restore", "--org", org, "--project", "facts", id).out()).contains("(active)");
        Run history = run("facts", "history", "--org", org, "--project", "facts", id);
        assertThat(history.out()).contains("add").contains("update").contains("archive").contains("restore")
                .contains("vegetarian -> vegan")
                .contains("was diet = vegetarian");
    }

    @Test
    void projectsAreListedWithTheirEpisodeCounts() throws Exception {
        run("add", "--org", org, "--project", "counted", "hello");
        run("projects", "create", "--org", org, "--project", "empty", "--description", "nothing yet");
        JsonNode projects = run("projects", "--json").json();
        assertThat(projects.findValuesAsText("org_id")).contains(org);
        Run human = run("projects");
        assertThat(human.out()).contains(org + "/counted").contains(org + "/empty").contains("nothing yet");
        assertThat(run("projects", "create", "--org", org, "--project", "empty").code()).isEqualTo(EngramCli.CONFLICT);
    }
}
