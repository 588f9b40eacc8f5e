package dev.engram.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.api.ApiServer;
import dev.engram.api.EngramApi;
import dev.engram.api.ServerSettings;
import dev.engram.app.Engram;
import dev.engram.app.EngramConfig;
import dev.engram.core.Progress;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import dev.engram.support.FakeOllama;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker in the background of a running Engram: an add over REST is answered while the
 * model is still busy; the queue's state and "ingest now" are on the API; a restart resumes
 * the queue.
 */
class BackgroundExtractionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MODEL = "qwen3:4b";
    private static final ExtractionSettings SETTINGS = new ExtractionSettings(true, 2, Duration.ofMinutes(5), 5, 2,
            Duration.ofMillis(10), 20, Duration.ofMillis(50));

    @TempDir
    Path dir;

    private Engram open(String ollama) {
        Engram engram = Engram.open(dir, EngramConfig.defaults().withExtraction(SETTINGS), Progress.NONE, Clock.systemUTC());
        engram.setModels(new ModelSettings(ollama, "", MODEL, Duration.ofSeconds(30)));
        return engram;
    }

    private static JsonNode post(URI base, String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v2" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void anAddIsAnsweredWhileASlowModelIsStillExtracting() throws Exception {
        Scope scope = Scope.of("acme", "assistant");
        try (FakeOllama ollama = FakeOllama.start(MODEL); Engram engram = open(ollama.url())) {
            engram.startBackgroundWork();
            var registry = EngramApi.newRegistry();
            try (ApiServer server = ApiServer.start(ServerSettings.loopback(0), EngramApi.resources(engram.memory(),
                    "test", "test", registry, Clock.systemUTC()), List.of(), registry)) {
                URI base = server.baseUri();
                ollama.reply(FakeOllama.Reply.slow(Duration.ofSeconds(3), "{\"commands\": [{\"command\": \"add\","
                        + " \"tag\": \"Hobbies & Interests\", \"feature\": \"instrument\", \"value\": \"cello\"}]}"));
                Map<String, Object> message = Map.of("producer", "alice", "produced_for", "bot", "role", "user",
                        "content", "I started the cello");
                post(base, "/memories", Map.of("org_id", "acme", "project_id", "assistant",
                        "messages", List.of(message, Map.of("producer", "alice", "role", "user", "content", "Lessons on Mondays"))));
                waitUntil(() -> !ollama.requests().isEmpty()); // two messages: the set is due, the model is thinking

                JsonNode added = post(base, "/memories", Map.of("org_id", "acme", "project_id", "assistant",
                        "messages", List.of(Map.of("producer", "alice", "role", "user", "content", "My teacher is Ines"))));

                assertThat(added.path("results")).hasSize(1);
                assertThat(facts(engram, scope)).as("answered before the model finished").isEmpty();
                JsonNode status = post(base, "/memories/semantic/ingestion/status", Map.of("org_id", "acme", "project_id", "assistant"));
                assertThat(status.path("worker").asText()).isEqualTo("running");
                waitUntil(() -> !facts(engram, scope).isEmpty());
                assertThat(facts(engram, scope)).extracting(ProfileFact::value).containsExactly("cello");
            }
        }
    }

    @Test
    void theQueueSurvivesARestartAndIngestNowRunsItOverTheApi() throws Exception {
        Scope scope = Scope.of("acme", "restart");
        try (Engram engram = open("http://127.0.0.1:9")) { // nothing listens there
            engram.memory().episodes().add(scope, List.of(new NewEpisode("alice", null, "user", "I am a vegetarian",
                    Instant.parse("2026-01-05T10:00:00Z"), Map.of())));
            assertThat(engram.memory().extraction().runNow(scope).waitingFor()).contains("not running");
        }
        try (FakeOllama ollama = FakeOllama.start(MODEL); Engram engram = open(ollama.url())) {
            assertThat(engram.memory().extraction().status(scope).pending()).isEqualTo(1);
            var registry = EngramApi.newRegistry();
            try (ApiServer server = ApiServer.start(ServerSettings.loopback(0), EngramApi.resources(engram.memory(),
                    "test", "test", registry, Clock.systemUTC()), List.of(), registry)) {
                ollama.reply(FakeOllama.Reply.of("{\"commands\": [{\"command\": \"add\", \"tag\": \"Health & Wellness\","
                        + " \"feature\": \"diet\", \"value\": \"vegetarian\"}]}"));

                JsonNode ran = post(server.baseUri(), "/memories/semantic/ingestion/run",
                        Map.of("org_id", "acme", "project_id", "restart", "wait", true));

                assertThat(ran.path("added").asInt()).isEqualTo(1);
                assertThat(ran.has("waiting_for")).isFalse();
                JsonNode status = post(server.baseUri(), "/memories/semantic/ingestion/status",
                        Map.of("org_id", "acme", "project_id", "restart"));
                assertThat(status.path("pending").asInt()).isZero();
                assertThat(status.path("failed")).isEmpty();
                assertThat(status.path("last_run").asText()).isNotEmpty();
                assertThat(facts(engram, scope)).extracting(ProfileFact::value).containsExactly("vegetarian");
            }
        }
    }

    private static List<ProfileFact> facts(Engram engram, Scope scope) {
        return engram.memory().profile().active(scope, SetIds.userSet(scope, "alice"), dev.engram.core.profile.BuiltInCategories.PROFILE_NAME);
    }
}
