package dev.engram.api;

import dev.engram.core.memory.SemanticConfigService;
import dev.engram.core.profile.NewSetType;
import dev.engram.core.profile.SetIdRules;
import dev.engram.core.scope.Ids;
import dev.engram.core.scope.Scope;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;

/**
 * {@code /memories/semantic/set_type...}, {@code set_id/...} and {@code set/...}: set types and
 * sets of one org/project (MemMachine kept set types per organisation and acted on global ids).
 */
final class SemanticSetsResource implements ApiResource {
    private final SemanticConfigService config;

    SemanticSetsResource(SemanticConfigService config) {
        this.config = config;
    }

    @Override
    public void routes(RoutesConfig routes) {
        ApiResource.post(routes, "/memories/semantic/set_type", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            List<String> tags = requiredStrings(body, "metadata_tags");
            boolean orgLevel = body.bool("is_org_level", false);
            String name = body.string("name", null);
            String description = body.string("description", null);
            NewSetType type = body.validated(() -> new NewSetType(orgLevel, tags, name, description));
            ex.created(Map.of("set_type_id", config.createSetType(scope, type).idString()));
        });
        ApiResource.post(routes, "/memories/semantic/set_type/list", ex -> {
            Scope scope = ex.body().scope(true);
            ex.ok(Map.of("set_types", config.setTypes(scope).stream().map(SemanticViews::setType).toList()));
        });
        ApiResource.post(routes, "/memories/semantic/set_type/delete", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            config.deleteSetType(scope, setTypeId(body, scope));
            ex.noContent();
        });
        ApiResource.post(routes, "/memories/semantic/set_id/get", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            List<String> keys = requiredStrings(body, "metadata_tags");
            boolean orgLevel = body.bool("is_org_level", false);
            Map<String, String> metadata = body.stringifiedMap("set_metadata");
            ex.ok(Map.of("set_id", body.validated(() -> config.setId(scope, orgLevel, keys, metadata))));
        });
        ApiResource.post(routes, "/memories/semantic/set_id/list", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            Map<String, String> metadata = body.stringifiedMap("set_metadata");
            ex.ok(Map.of("sets", body.validated(() -> config.sets(scope, metadata)).stream().map(SemanticViews::set).toList()));
        });
        ApiResource.post(routes, "/memories/semantic/set/configure", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            String setId = setId(body);
            String embedder = body.string("embedder_name", null);
            String llm = body.string("llm_name", null);
            body.validated(() -> {
                config.configureSet(scope, setId, embedder, llm);
                return null;
            });
            ex.noContent();
        });
        ApiResource.post(routes, "/memories/semantic/set/get", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            ex.ok(SemanticViews.setDetails(config.set(scope, setId(body))));
        });
    }

    /** A required list of strings (MemMachine's {@code metadata_tags}). */
    static List<String> requiredStrings(Body body, String name) {
        if (!body.has(name)) {
            throw RequestException.of(body.pathOf(name), "Field required");
        }
        return body.strings(name, Ids.MAX_METADATA_ENTRIES);
    }

    static String setId(Body body) {
        String setId = body.requiredString("set_id");
        return body.validated(() -> SetIdRules.requireSetId("set_id", setId));
    }

    static long setTypeId(Body body, Scope scope) {
        return Requests.existing(body.requiredString("set_type_id").strip(), "set type", scope);
    }
}
