package dev.engram.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.api.ServerSettings;
import dev.engram.api.mcp.McpEndpoints;
import dev.engram.core.Progress;
import dev.engram.core.ingest.ModelSettings;
import dev.engram.core.ingest.SummarySettings;
import dev.engram.support.FakeOllama;
import dev.engram.support.TestApi;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short-term memory over the REST API, against a fake Ollama: a window of 200 characters, messages
 * of 80, so the third unfolded message of a producer overflows it and the oldest two are folded.
 */
class ShortTermMemoryTest {
    static final int WINDOW = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PRODUCER = Pattern.compile("M] ([a-z]+): \"");

    @TempDir
    static Path dir;
    static FakeOllama ollama;
    static Engram engram;
    static ServerMain.Running server;

    @BeforeAll
    static void open() throws Exception {
        ollama = FakeOllama.start("qwen3:4b").respondWith(request -> FakeOllama.Reply.of(
                "Summary #" + requestsFor(producerIn(request)).size() + " of " + producerIn(request)));
        engram = Engram.open(dir, config(ollama.url()), Progress.NONE, Clock.systemUTC());
        engram.startBackgroundWork();
        server = ServerMain.start(engram, ServerSettings.loopback(0));
    }

    @AfterAll
    static void close() {
        server.close();
        engram.close();
        ollama.close();
    }

    static EngramConfig config(String ollamaUrl) {
        return EngramConfig.defaults().withModels(new ModelSettings(ollamaUrl, "", ""))
                .withSummaries(new SummarySettings(WINDOW, Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    /** The producer of the episodes a summary request folds. */
    static String producerIn(JsonNode request) {
        Matcher m = PRODUCER.matcher(FakeOllama.message(request, "user"));
        return m.find() ? m.group(1) : "?";
    }

    static List<JsonNode> requestsFor(String producer) {
        return ollama.requests().stream().filter(r -> producerIn(r).equals(producer)).toList();
    }

    /** Message n of a producer, 80 characters, at 10:0n on Monday 24 November 2025. */
    static Map<String, Object> message(String producer, int n) {
        return Map.of("content", content(producer, n), "producer", producer, "role", "user",
                "timestamp", "2025-11-24T10:0" + n + ":00Z");
    }

    static String content(String producer, int n) {
        String base = producer + " note " + n + ": the train to Lyon leaves at " + (7 + n) + " from platform " + n + " ";
        return base + ".".repeat(80 - base.length());
    }

    static String rendered(String producer, int n) {
        return "[Monday, November 24, 2025 at 10:0" + n + " AM] " + producer + ": \"" + content(producer, n) + "\"";
    }

    @Test
    void overflowingEpisodesAreFoldedIntoASummaryPerProducerThatSearchReturns() {
        add("alice", 1, 2, 3);
        awaitSummaries("", List.of("Summary #1 of alice"));
        JsonNode first = requestsFor("alice").getFirst();
        assertThat(first.path("model").asText()).isEqualTo("qwen3:4b");
        assertThat(FakeOllama.message(first, "user")).contains(rendered("alice", 1) + "\n" + rendered("alice", 2))
                .doesNotContain("note 3").contains("at most 100 words");

        add("alice", 4, 5);
        awaitSummaries("", List.of("Summary #2 of alice"));
        String second = FakeOllama.message(requestsFor("alice").get(1), "user");
        assertThat(second).contains("Summary #1 of alice", rendered("alice", 3) + "\n" + rendered("alice", 4))
                .doesNotContain("note 1", "note 2", "note 5");

        add("bob", 1, 2, 3);
        awaitSummaries("", List.of("Summary #1 of bob", "Summary #2 of alice"));
        assertThat(requestsFor("bob")).singleElement().satisfies(r -> assertThat(FakeOllama.message(r, "user"))
                .contains(rendered("bob", 1) + "\n" + rendered("bob", 2)).doesNotContain("alice", "Summary #"));
        assertThat(summaries(search("producer = 'bob'", List.of()))).containsExactly("Summary #1 of bob");
        assertThat(summaries(search("producer_id = 'alice' AND m.topic IS NULL", List.of())))
                .containsExactly("Summary #2 of alice");
        JsonNode semanticOnly = search("", List.of("semantic"));
        assertThat(semanticOnly.path("content").path("episodic_memory").path("short_term_memory")
                .path("episode_summary").isArray()).isTrue();
        assertThat(summaries(semanticOnly)).isEmpty();
        assertThat(engram.summaries().state().lastError()).isNull();
        assertThat(engram.summaries().state().folds()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anAddIsAnsweredWhileTheModelIsStillWritingTheSummary() {
        String project = "slow";
        ollama.hold();
        try {
            int before = ollama.requests().size();
            TestApi.Response added = post("/memories", body(project, "carol", 1, 2, 3));
            assertThat(added.status()).isEqualTo(200);
            assertThat(summaries(searchIn(project))).isEmpty();
            await(() -> ollama.requests().size() > before); // the worker asked the model; it has not answered
            assertThat(summaries(searchIn(project))).isEmpty();
        } finally {
            ollama.release();
        }
        await(() -> summaries(searchIn(project)).equals(List.of("Summary #1 of carol")));

        assertThat(post("/projects/delete", Map.of("org_id", "acme", "project_id", project)).status()).isEqualTo(204);
        assertThat(summaries(searchIn(project))).as("a deleted project's summaries are gone").isEmpty();
    }

    @Test
    void deletingAFoldedEpisodeDropsTheSummaryThatToldItWhichIsWrittenAgainWithoutIt() {
        String project = "forget";
        JsonNode added = post("/memories", body(project, "dave", 1, 2, 3)).json();
        await(() -> summaries(searchIn(project)).equals(List.of("Summary #1 of dave")));

        String third = added.path("results").get(2).path("uid").asText();
        assertThat(post("/memories/episodic/delete", Map.of("org_id", "acme", "project_id", project,
                "episodic_id", third)).status()).isEqualTo(204);
        assertThat(summaries(searchIn(project))).as("episode 3 was not folded in").containsExactly("Summary #1 of dave");

        String first = added.path("results").get(0).path("uid").asText();
        assertThat(post("/memories/episodic/delete", Map.of("org_id", "acme", "project_id", project,
                "episodic_id", first)).status()).isEqualTo(204);
        assertThat(summaries(searchIn(project))).isEmpty();

        post("/memories", body(project, "dave", 4, 5));
        await(() -> summaries(searchIn(project)).equals(List.of("Summary #2 of dave")));
        assertThat(FakeOllama.message(requestsFor("dave").get(1), "user"))
                .contains(rendered("dave", 2) + "\n" + rendered("dave", 4))
                .doesNotContain("note 1", "note 3", "Summary #1");
    }

    @Test
    void mcpSearchMemoryReturnsTheSummaryOfTheUser() {
        var transport = HttpClientStreamableHttpTransport.builder(server.baseUri().toString())
                .endpoint(McpEndpoints.PATH).build();
        try (var client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            Map<String, Object> ids = Map.of("org_id", "acme", "proj_id", "mcp-stm", "user_id", "erin");
            for (int n = 1; n <= 3; n++) {
                Map<String, Object> args = new LinkedHashMap<>(ids);
                args.put("content", content("erin", n));
                assertThat(client.callTool(new McpSchema.CallToolRequest("add_memory", args))
                        .isError()).isFalse();
            }
            Map<String, Object> query = new LinkedHashMap<>(ids);
            query.put("query", "train");
            await(() -> {
                var result = client.callTool(new McpSchema.CallToolRequest("search_memory", query));
                String text = ((McpSchema.TextContent) result.content().getFirst()).text();
                try {
                    return summaries(JSON.readTree(text)).equals(List.of("Summary #1 of erin"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void add(String producer, int... numbers) {
        assertThat(post("/memories", body("stm", producer, numbers)).status()).isEqualTo(200);
    }

    private static Map<String, Object> body(String project, String producer, int... numbers) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int n : numbers) {
            messages.add(message(producer, n));
        }
        return Map.of("org_id", "acme", "project_id", project, "messages", messages);
    }

    private static void awaitSummaries(String filter, List<String> expected) {
        await(() -> summaries(search(filter, List.of())).equals(expected));
    }

    private static JsonNode search(String filter, List<String> types) {
        return search("stm", filter, types);
    }

    private static JsonNode searchIn(String project) {
        return search(project, "", List.of());
    }

    private static JsonNode search(String project, String filter, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("org_id", "acme", "project_id", project,
                "query", "train", "top_k", 5, "types", types));
        if (!filter.isEmpty()) {
            body.put("filter", filter);
        }
        TestApi.Response response = post("/memories/search", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> summaries(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("content").path("episodic_memory").path("short_term_memory").path("episode_summary")
                .forEach(s -> out.add(s.asText()));
        return out;
    }

    private static TestApi.Response post(String path, Map<String, ?> body) {
        try {
            URI uri = server.baseUri().resolve("/api/v2" + path);
            return TestApi.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s; summarizer state: " + engramState());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Object engramState() {
        return engram == null ? "-" : engram.summaries().state();
    }
}
