package dev.engram.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.api.ApiServer;
import dev.engram.api.EngramApi;
import dev.engram.api.ServerSettings;
import dev.engram.app.Launcher;
import dev.engram.support.SharedEngram;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both MCP transports driven by the MCP Java SDK's own client. */
class McpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "mcp-test-token-0123456789";
    private static ApiServer open;
    private static ApiServer guarded;
    private static McpEndpoints.Http mcp;
    private static McpEndpoints.Http guardedMcp;

    @TempDir
    static Path dir;

    @BeforeAll
    static void servers() {
        var engram = SharedEngram.get();
        var registry = EngramApi.newRegistry();
        mcp = McpEndpoints.http(engram.memory(), "test", Map.of(), Clock.systemUTC());
        open = ApiServer.start(ServerSettings.loopback(0), EngramApi.resources(engram.memory(), "m", "test", registry,
                Clock.systemUTC()), List.of(new ApiServer.Mount(McpEndpoints.PATH, mcp.servlet())), registry);
        guardedMcp = McpEndpoints.http(engram.memory(), "test", Map.of(), Clock.systemUTC());
        guarded = ApiServer.start(new ServerSettings("127.0.0.1", 0, TOKEN, ServerSettings.DEFAULT_MAX_BODY_BYTES),
                List.of(), List.of(new ApiServer.Mount(McpEndpoints.PATH, guardedMcp.servlet())), registry);
    }

    @AfterAll
    static void stop() {
        open.close();
        mcp.close();
        guarded.close();
        guardedMcp.close();
    }

    private static McpSyncClient http(ApiServer server, Map<String, String> headers) {
        var transport = HttpClientStreamableHttpTransport.builder(server.baseUri().toString())
                .endpoint(McpEndpoints.PATH)
                .customizeRequest(request -> headers.forEach(request::header))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    private static JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) throws Exception {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        JsonNode body = JSON.readTree(((McpSchema.TextContent) result.content().getFirst()).text());
        if (Boolean.TRUE.equals(result.isError())) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("is_error", true);
        }
        return body;
    }

    @Test
    void theThreeToolsAddSearchAndDeleteOverHttpScopedByTheIdHeaders() throws Exception {
        String org = SharedEngram.uniqueOrg("mcp");
        try (McpSyncClient alice = http(open, Map.of("org-id", org, "user-id", "alice"));
             McpSyncClient bob = http(open, Map.of("org-id", org, "user-id", "bob"))) {
            assertThat(alice.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("add_memory", "search_memory", "delete_memory");
            McpSchema.Tool search = alice.listTools().tools().stream().filter(t -> t.name().equals("search_memory"))
                    .findFirst().orElseThrow();
            assertThat(search.inputSchema().required()).containsExactly("query");
            assertThat(search.inputSchema().properties()).containsKeys("query", "org_id", "proj_id", "user_id", "top_k");

            JsonNode added = call(alice, "add_memory", Map.of("content", "Alice is allergic to peanuts"));
            assertThat(added.get("status").asInt()).isEqualTo(200);
            String uid = added.get("uid").asText();
            call(bob, "add_memory", Map.of("content", "Bob loves peanut butter"));

            JsonNode found = call(alice, "search_memory", Map.of("query", "peanuts"));
            JsonNode episodes = found.at("/content/episodic_memory/short_term_memory/episodes");
            assertThat(episodes).hasSize(1);
            assertThat(episodes.get(0).get("content").asText()).contains("Alice");
            assertThat(episodes.get(0).get("producer_id").asText()).isEqualTo("alice");
            assertThat(episodes.get(0).get("produced_for_id").asText()).isEqualTo("unknown");
            assertThat(episodes.get(0).at("/metadata/user_id").asText()).isEqualTo("alice");

            JsonNode deleted = call(alice, "delete_memory", Map.of("episodic_memory_uids", List.of(uid)));
            assertThat(deleted.get("status").asInt()).isEqualTo(200);
            assertThat(call(alice, "search_memory", Map.of("query", "peanuts")).at("/content/episodic_memory/short_term_memory/episodes"))
                    .isEmpty();
            assertThat(call(bob, "search_memory", Map.of("query", "peanuts")).at("/content/episodic_memory/short_term_memory/episodes"))
                    .hasSize(1);
        }
    }

    @Test
    void badInputIsAToolErrorThatSaysWhatIsWrong() throws Exception {
        try (McpSyncClient client = http(open, Map.of("org-id", SharedEngram.uniqueOrg("mcp-bad")))) {
            JsonNode missing = call(client, "add_memory", Map.of());
            assertThat(missing.get("is_error").asBoolean()).isTrue();
            assertThat(missing.get("status").asInt()).isEqualTo(422);
            assertThat(missing.get("message").asText()).contains("content");
            JsonNode badProject = call(client, "add_memory", Map.of("content", "x", "proj_id", "a/b"));
            assertThat(badProject.get("message").asText()).contains("project_id");
            JsonNode unknown = call(client, "delete_memory", Map.of("episodic_memory_uids", List.of("999999999")));
            assertThat(unknown.get("status").asInt()).isEqualTo(404);
            JsonNode badK = call(client, "search_memory", Map.of("query", "x", "top_k", "lots"));
            assertThat(badK.get("status").asInt()).isEqualTo(422);
            assertThat(unknown.toString()).doesNotContain("at dev.engram");
        }
    }

    @Test
    void withATokenTheMcpEndpointNeedsTheBearerHeader() {
        assertThatThrownBy(() -> http(guarded, Map.of())).isInstanceOf(RuntimeException.class);
        try (McpSyncClient client = http(guarded, Map.of("Authorization", "Bearer " + TOKEN))) {
            assertThat(client.listTools().tools()).hasSize(3);
        }
    }

    @Test
    void theStdioServerWorksFromAChildProcessAndTakesItsIdsFromTheEnvironment() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ServerParameters parameters = ServerParameters.builder(java)
                .args("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                        Launcher.class.getName(), "mcp", "--data-dir", dir.resolve("data").toString())
                .env(Map.of("MM_ORG_ID", "stdio-org", "MM_USER_ID", "carol"))
                .build();
        var transport = new StdioClientTransport(parameters, McpJsonMapper.getDefault());
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(120)).build()) {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(3);
            call(client, "add_memory", Map.of("content", "Carol's favourite colour is teal"));
            JsonNode found = call(client, "search_memory", Map.of("query", "favourite colour", "top_k", 5));
            JsonNode episode = found.at("/content/episodic_memory/short_term_memory/episodes/0");
            assertThat(episode.get("producer_id").asText()).isEqualTo("carol");
            assertThat(episode.get("content").asText()).contains("teal");
        }
    }
}
