package dev.engram.api;

import static dev.engram.support.TestApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi;
import dev.engram.support.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project endpoints, the episodic config endpoints and the operational ones. */
class ProjectsApiTest {
    private final String org = SharedEngram.uniqueOrg("proj");

    @Test
    void aProjectIsCreatedFetchedCountedListedAndDeleted() {
        Response created = post("/projects", Map.of("org_id", org, "project_id", "assistant", "description", "demo",
                "config", Map.of("backend", "declarative", "embedder", "", "reranker", "")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("org_id").asText()).isEqualTo(org);
        assertThat(body.get("project_id").asText()).isEqualTo("assistant");
        assertThat(body.get("description").asText()).isEqualTo("demo");
        assertThat(body.get("config").fieldNames()).toIterable().containsExactly("backend", "embedder", "reranker",
                "vector_graph_store", "vector_store", "segment_store", "properties_schema");

        Response again = post("/projects", Map.of("org_id", org, "project_id", "assistant"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("already exists");

        assertThat(post("/projects/get", Map.of("org_id", org, "project_id", "assistant")).json().get("description")
                .asText()).isEqualTo("demo");
        assertThat(post("/projects/get", Map.of("org_id", org, "project_id", "missing")).status()).isEqualTo(404);
        assertThat(post("/projects/get", Map.of("org_id", org)).status()).as("ids are required here").isEqualTo(422);

        post("/memories", Map.of("org_id", org, "project_id", "assistant", "messages", List.of(Map.of("content", "hi"))));
        assertThat(post("/projects/episode_count/get", Map.of("org_id", org, "project_id", "assistant")).json()
                .get("count").asInt()).isEqualTo(1);
        assertThat(post("/projects/episode_count/get", Map.of("org_id", org, "project_id", "missing")).json()
                .get("count").asInt()).isZero();

        JsonNode listed = post("/projects/list", "{}").json();
        assertThat(listed.isArray()).isTrue();
        assertThat(listed.findValuesAsText("org_id")).contains(org);
        assertThat(TestApi.send(java.net.http.HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/v2/projects/list"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status())
                .as("list takes no body").isEqualTo(200);

        Response deleted = post("/projects/delete", Map.of("org_id", org, "project_id", "assistant"));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(post("/projects/delete", Map.of("org_id", org, "project_id", "assistant")).status()).isEqualTo(404);
    }

    @Test
    void episodicSwitchesShapeWhatSearchReturns() {
        Map<String, Object> scope = Map.of("org_id", org, "project_id", "switches");
        post("/memories", Map.of("org_id", org, "project_id", "switches", "messages", List.of(
                Map.of("content", "the spare key is under the blue flowerpot"))));
        JsonNode config = post("/memory/episodic/config/get", scope).json();
        assertThat(config.get("enabled").asBoolean()).isTrue();
        assertThat(config.get("long_term_memory_enabled").asBoolean()).isTrue();
        assertThat(config.get("short_term_memory_enabled").asBoolean()).isTrue();

        assertThat(post("/memory/episodic/short_term/config", Map.of("org_id", org, "project_id", "switches",
                "enabled", false)).status()).isEqualTo(204);
        assertThat(post("/memory/episodic/short_term/config/get", scope).json().get("enabled").asBoolean()).isFalse();
        JsonNode found = post("/memories/search", Map.of("org_id", org, "project_id", "switches", "query", "spare key"))
                .json().at("/content/episodic_memory");
        assertThat(found.at("/short_term_memory/episodes")).isEmpty();
        assertThat(found.at("/long_term_memory/episodes/0/content").asText()).contains("flowerpot");

        post("/memory/episodic/config", Map.of("org_id", org, "project_id", "switches", "enabled", false));
        JsonNode off = post("/memories/search", Map.of("org_id", org, "project_id", "switches", "query", "spare key"))
                .json().at("/content/episodic_memory");
        assertThat(off.at("/long_term_memory/episodes")).isEmpty();
        assertThat(post("/memory/episodic/long_term/config/get", scope).json().get("enabled").asBoolean()).isTrue();
        assertThat(post("/memory/episodic/config/get", Map.of("org_id", org, "project_id", "nope")).status()).isEqualTo(404);
    }

    @Test
    void healthAndPrometheusMetricsAnswer() {
        Response health = TestApi.get("/health");
        assertThat(health.json().get("status").asText()).isEqualTo("healthy");
        post("/projects/list", "{}");
        Response metrics = TestApi.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body()).contains("engram_http_requests_seconds_count").contains("uri=\"/api/v2/projects/list\"")
                .contains("jvm_memory_used_bytes");
    }
}
