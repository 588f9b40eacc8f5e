package dev.engram.api;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health} and {@code GET /metrics} (Prometheus text). */
final class OpsResource implements ApiResource {
    private final String version;
    private final PrometheusMeterRegistry registry;

    OpsResource(String version, PrometheusMeterRegistry registry) {
        this.version = version;
        this.registry = registry;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get(ApiServer.PREFIX + "/health", ctx -> {
            Map<String, String> health = new LinkedHashMap<>();
            health.put("status", "healthy");
            health.put("service", "engram");
            health.put("version", version);
            ctx.contentType("application/json").result(Json.write(health));
        });
        routes.get(ApiServer.PREFIX + "/metrics", ctx ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }
}
