package dev.engram.api;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.Scope;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code /projects}: create, get, list, delete, episode count. */
final class ProjectsResource implements ApiResource {
    private static final Set<String> BACKENDS = Set.of("declarative", "event");
    private static final Set<String> PROPERTY_TYPES = Set.of("bool", "int", "float", "str", "datetime");

    private final MemoryService memory;
    private final String embedder;

    ProjectsResource(MemoryService memory, String embedder) {
        this.memory = memory;
        this.embedder = embedder;
    }

    @Override
    public void routes(RoutesConfig routes) {
        ApiResource.post(routes, "/projects", this::create);
        ApiResource.post(routes, "/projects/get", ex -> ex.ok(response(memory.project(ex.body().scope(false)))));
        ApiResource.post(routes, "/projects/episode_count/get",
                ex -> ex.ok(Map.of("count", memory.countEpisodes(ex.body().scope(false), Filter.all()))));
        ApiResource.post(routes, "/projects/list", ex -> ex.ok(memory.projects().list().stream().map(p -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("org_id", p.scope().orgId());
            row.put("project_id", p.scope().projectId());
            return row;
        }).toList()));
        ApiResource.post(routes, "/projects/delete", ex -> {
            memory.deleteProject(ex.body().scope(false));
            ex.noContent();
        });
    }

    private void create(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(false);
        String description = body.string("description", "");
        if (body.has("config")) {
            validateConfig(body);
        }
        ex.created(response(memory.createProject(scope, description)));
    }

    /** Engram has one storage backend; a config is checked as MemMachine checks it and reported resolved. */
    private static void validateConfig(Body body) {
        var config = body.object("config");
        var backend = config.get("backend");
        if (backend != null && !backend.isNull() && !(backend.isTextual() && BACKENDS.contains(backend.textValue()))) {
            throw RequestException.of("config.backend", "Input should be 'declarative' or 'event'");
        }
        var schema = config.get("properties_schema");
        if (schema != null && !schema.isNull()) {
            if (!schema.isObject()) {
                throw RequestException.of("config.properties_schema", "Input should be a valid dictionary");
            }
            schema.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isTextual() || !PROPERTY_TYPES.contains(entry.getValue().textValue())) {
                    throw RequestException.of("config.properties_schema." + entry.getKey(),
                            "unknown type name; allowed: " + PROPERTY_TYPES.stream().sorted().toList());
                }
            });
        }
    }

    private Map<String, Object> response(Project project) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("backend", "declarative");
        config.put("embedder", embedder);
        config.put("reranker", "");
        config.put("vector_graph_store", "neo4j-embedded");
        config.put("vector_store", "");
        config.put("segment_store", "");
        config.put("properties_schema", Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("org_id", project.scope().orgId());
        out.put("project_id", project.scope().projectId());
        out.put("description", project.description());
        out.put("config", config);
        return out;
    }
}
