package dev.engram.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.api.ApiServer;
import dev.engram.api.EngramApi;
import dev.engram.api.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real API server on a free loopback port over the suite's shared stores, and a small HTTP
 * client for tests. Started once per test JVM.
 */
public final class TestApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApi() {
    }

    public static synchronized URI baseUri() {
        if (server == null) {
            PrometheusMeterRegistry registry = EngramApi.newRegistry();
            var engram = SharedEngram.get();
            server = ApiServer.start(ServerSettings.loopback(0), EngramApi.resources(engram.memory(), engram.transfers(),
                    engram.embedder().space().modelId(), "test", registry, Clock.systemUTC()), List.of(), registry);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.baseUri();
    }

    /** A response: status, headers and the body parsed as JSON when it is JSON. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The {@code detail} of an error body, as text (a string detail, or its message). */
        public String detail() {
            JsonNode detail = json().get("detail");
            return detail.isTextual() ? detail.textValue() : detail.get("message").asText();
        }
    }

    public static Response post(String path, String json) {
        return send(HttpRequest.newBuilder(baseUri().resolve("/api/v2" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static Response post(String path, Map<String, ?> body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response get(String path) {
        return send(HttpRequest.newBuilder(baseUri().resolve("/api/v2" + path)).GET().build());
    }

    public static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient client() {
        return CLIENT;
    }
}
