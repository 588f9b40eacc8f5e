package dev.engram.api;

import dev.engram.core.memory.SemanticConfigService;
import dev.engram.core.profile.NewCategory;
import dev.engram.core.profile.NewTag;
import dev.engram.core.scope.Scope;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * {@code /memories/semantic/category...}: categories of sets, templates of set types, and their
 * tags, all of one org/project (an id of another project is "not found").
 */
final class SemanticCategoriesResource implements ApiResource {
    private static final String ACTOR = "api";
    private final SemanticConfigService config;

    SemanticCategoriesResource(SemanticConfigService config) {
        this.config = config;
    }

    @Override
    public void routes(RoutesConfig routes) {
        ApiResource.post(routes, "/memories/semantic/category", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            String setId = SemanticSetsResource.setId(body);
            NewCategory category = newCategory(body);
            ex.created(Map.of("category_id", config.addCategory(scope, setId, category).idString()));
        });
        ApiResource.post(routes, "/memories/semantic/category/get", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            ex.ok(SemanticViews.category(config.category(scope, categoryId(body, scope))));
        });
        ApiResource.post(routes, "/memories/semantic/category/list", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            String setId = SemanticSetsResource.setId(body);
            ex.ok(Map.of("categories", config.categories(scope, setId).stream().map(SemanticViews::ref).toList()));
        });
        ApiResource.post(routes, "/memories/semantic/category/template", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            long setTypeId = SemanticSetsResource.setTypeId(body, scope);
            NewCategory category = newCategory(body);
            ex.created(Map.of("category_id", config.addTemplate(scope, setTypeId, category).idString()));
        });
        ApiResource.post(routes, "/memories/semantic/category/template/list", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            long setTypeId = SemanticSetsResource.setTypeId(body, scope);
            ex.ok(Map.of("categories", config.templates(scope, setTypeId).stream().map(SemanticViews::template).toList()));
        });
        ApiResource.post(routes, "/memories/semantic/category/disable", ex -> toggle(ex, false));
        ApiResource.post(routes, "/memories/semantic/category/enable", ex -> toggle(ex, true));
        ApiResource.post(routes, "/memories/semantic/category/set_ids/get", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            ex.ok(Map.of("set_ids", config.categorySetIds(scope, categoryId(body, scope))));
        });
        ApiResource.post(routes, "/memories/semantic/category/delete", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            config.deleteCategory(scope, categoryId(body, scope), ACTOR);
            ex.noContent();
        });
        ApiResource.post(routes, "/memories/semantic/category/tag", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            long categoryId = categoryId(body, scope);
            String name = body.requiredString("tag_name");
            String description = body.requiredString("tag_description");
            NewTag tag = body.validated(() -> new NewTag(name, description));
            ex.created(Map.of("tag_id", Long.toString(config.addTag(scope, categoryId, tag).id())));
        });
        ApiResource.post(routes, "/memories/semantic/category/tag/delete", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            config.deleteTag(scope, Requests.existing(body.requiredString("tag_id").strip(), "tag", scope));
            ex.noContent();
        });
    }

    private void toggle(Exchange ex, boolean enabled) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        String setId = SemanticSetsResource.setId(body);
        String name = body.requiredString("category_name");
        body.validated(() -> {
            if (enabled) {
                config.enable(scope, setId, name);
            } else {
                config.disable(scope, setId, name);
            }
            return null;
        });
        ex.noContent();
    }

    private static NewCategory newCategory(Body body) {
        String name = body.requiredString("category_name");
        String prompt = body.requiredString("prompt");
        String description = body.string("description", null);
        return body.validated(() -> new NewCategory(name, prompt, description));
    }

    private static long categoryId(Body body, Scope scope) {
        return Requests.existing(body.requiredString("category_id").strip(), "category", scope);
    }
}
