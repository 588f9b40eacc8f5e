package dev.engram.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.InvalidInputException;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi;
import dev.engram.support.TestApi.Response;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may talk to the server, and with what. */
class SecurityTest {
    private static final String TOKEN = "s3cret-token-0123456789";

    private static ApiServer withToken() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var engram = SharedEngram.get();
        return ApiServer.start(new ServerSettings("127.0.0.1", 0, TOKEN, ServerSettings.DEFAULT_MAX_BODY_BYTES),
                EngramApi.resources(engram.memory(), "model", "test", registry, Clock.systemUTC()), List.of(), registry);
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve("/api/v2" + path)).header("Content-Type", "application/json");
    }

    @Test
    void withATokenEveryEndpointNeedsTheBearerHeaderAndRefusalsSayNothingMore() {
        try (ApiServer server = withToken()) {
            URI base = server.baseUri();
            for (String token : new String[] {null, "Bearer wrong", "Bearer " + TOKEN + "x", TOKEN, "Basic " + TOKEN}) {
                HttpRequest.Builder builder = request(base, "/projects/list").POST(HttpRequest.BodyPublishers.ofString("{}"));
                if (token != null) {
                    builder.header("Authorization", token);
                }
                Response refused = TestApi.send(builder.build());
                assertThat(refused.status()).as("Authorization: %s", token).isEqualTo(401);
                assertThat(refused.json().get("detail").asText()).isEqualTo("Not authenticated");
                assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
            }
            Response health = TestApi.send(HttpRequest.newBuilder(base.resolve("/api/v2/health")).GET().build());
            assertThat(health.status()).as("health is protected too").isEqualTo(401);
            Response allowed = TestApi.send(request(base, "/projects/list").header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(allowed.status()).isEqualTo(200);
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 8080, null, ServerSettings.DEFAULT_MAX_BODY_BYTES))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--token").hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 8080, "short", ServerSettings.DEFAULT_MAX_BODY_BYTES))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 16");
        assertThat(new ServerSettings("0.0.0.0", 8080, TOKEN, ServerSettings.DEFAULT_MAX_BODY_BYTES).requiresToken()).isTrue();
        assertThat(new ServerSettings(null, 8080, null, ServerSettings.DEFAULT_MAX_BODY_BYTES).host()).isEqualTo("127.0.0.1");
        assertThat(new ServerSettings("localhost", 8080, null, ServerSettings.DEFAULT_MAX_BODY_BYTES).requiresToken()).isFalse();
    }

    @Test
    void oversizedBodiesAre413WithoutBeingRead() {
        String big = "{\"org_id\":\"x\",\"padding\":\"" + "a".repeat(1024 * 1024) + "\"}";
        // Expect: 100-continue makes the client wait for the server's verdict before sending the
        // body: the 413 arrives without the body being read. (Without it, the server's early 413
        // and close can race the client's upload and surface as a reset connection.)
        Response response = TestApi.send(java.net.http.HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/v2/memories"))
                .header("Content-Type", "application/json").expectContinue(true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)).build());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.detail()).contains("limit");
    }

    @Test
    void aBodyThatIsNotDeclaredAsJsonIs415SoWebPagesCannotPostWithoutAPreflight() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            Response response = TestApi.send(HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/v2/projects/delete"))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"org_id\":\"a\",\"project_id\":\"b\"}")).build());
            assertThat(response.status()).as(type).isEqualTo(415);
        }
    }

    @Test
    void foreignOriginsAndRebindingHostsAreRefusedAndNoCorsHeaderIsEverSent() {
        Response cross = TestApi.send(HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/v2/projects/list"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(cross.status()).isEqualTo(403);
        Response sameHost = TestApi.send(HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/v2/projects/list"))
                .header("Content-Type", "application/json").header("Origin", "http://localhost:3000")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(sameHost.status()).isEqualTo(200);
        assertThat(sameHost.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Response preflight = TestApi.send(HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/v2/memories"))
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() {
        Response missing = TestApi.post("/nope", "{}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().has("detail")).isTrue();
        Response wrongMethod = TestApi.get("/memories");
        assertThat(wrongMethod.status()).isIn(404, 405);
        assertThat(wrongMethod.json().has("detail")).isTrue();
    }
}
