package dev.engram.api;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.EpisodicConfig;
import dev.engram.core.scope.Scope;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /memory/episodic/...}: a project's episodic memory switches (404 for an unknown project). */
final class EpisodicConfigResource implements ApiResource {
    private final MemoryService memory;

    EpisodicConfigResource(MemoryService memory) {
        this.memory = memory;
    }

    @Override
    public void routes(RoutesConfig routes) {
        ApiResource.post(routes, "/memory/episodic/config/get", ex -> {
            EpisodicConfig config = memory.episodicConfig(ex.body().scope(true));
            Map<String, Boolean> out = new LinkedHashMap<>();
            out.put("enabled", config.enabled());
            out.put("long_term_memory_enabled", config.longTermEnabled());
            out.put("short_term_memory_enabled", config.shortTermEnabled());
            ex.ok(out);
        });
        ApiResource.post(routes, "/memory/episodic/config", ex -> {
            Body body = ex.body();
            change(body, body.optionalBool("enabled"), body.optionalBool("long_term_memory_enabled"),
                    body.optionalBool("short_term_memory_enabled"));
            ex.noContent();
        });
        ApiResource.post(routes, "/memory/episodic/short_term/config/get",
                ex -> ex.ok(Map.of("enabled", memory.episodicConfig(ex.body().scope(true)).shortTermEnabled())));
        ApiResource.post(routes, "/memory/episodic/short_term/config", ex -> {
            Body body = ex.body();
            change(body, null, null, body.optionalBool("enabled"));
            ex.noContent();
        });
        ApiResource.post(routes, "/memory/episodic/long_term/config/get",
                ex -> ex.ok(Map.of("enabled", memory.episodicConfig(ex.body().scope(true)).longTermEnabled())));
        ApiResource.post(routes, "/memory/episodic/long_term/config", ex -> {
            Body body = ex.body();
            change(body, null, body.optionalBool("enabled"), null);
            ex.noContent();
        });
    }

    /** Null means unchanged, as in MemMachine. */
    private void change(Body body, Boolean enabled, Boolean longTerm, Boolean shortTerm) {
        Scope scope = body.scope(true);
        memory.setEpisodicConfig(scope, memory.episodicConfig(scope).with(enabled, longTerm, shortTerm));
    }
}
