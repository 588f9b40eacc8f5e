package dev.engram.api;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import dev.engram.core.wire.Views;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /memories/semantic/feature}: add, get, update, and (Engram additions) history,
 * archive and restore. Every call is scoped by org/project: a feature of another project is
 * "not found" (MemMachine acted on global ids).
 */
final class FeaturesResource implements ApiResource {
    private static final String ACTOR = "api";
    private final MemoryService memory;

    FeaturesResource(MemoryService memory) {
        this.memory = memory;
    }

    @Override
    public void routes(RoutesConfig routes) {
        ApiResource.post(routes, "/memories/semantic/feature", this::add);
        ApiResource.post(routes, "/memories/semantic/feature/get", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            ProfileFact fact = memory.profile().get(scope, featureId(body, scope));
            ex.ok(Views.feature(fact, body.bool("load_citations", false)));
        });
        ApiResource.post(routes, "/memories/semantic/feature/update", this::update);
        ApiResource.post(routes, "/memories/semantic/feature/archive", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            memory.profile().archive(scope, featureId(body, scope), ACTOR);
            ex.noContent();
        });
        ApiResource.post(routes, "/memories/semantic/feature/restore", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            memory.profile().restore(scope, featureId(body, scope), ACTOR);
            ex.noContent();
        });
        ApiResource.post(routes, "/memories/semantic/feature/history", this::history);
    }

    private static long featureId(Body body, Scope scope) {
        return Requests.existing(body.requiredString("feature_id").strip(), "feature", scope);
    }

    private void add(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        // Any set id is accepted (MemMachine's clients name sets freely): the fact is stored in the
        // asking org/project whatever the id says, so an id cannot reach another project's facts.
        String setId = body.requiredString("set_id");
        String category = body.requiredString("category_name");
        String tag = body.requiredString("tag");
        String feature = body.requiredString("feature");
        String value = body.requiredString("value");
        Map<String, String> metadata = body.stringifiedMap("feature_metadata");
        List<String> given = body.strings("citations", 10_000);
        List<Long> citations = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            citations.add(Requests.id(given.get(i).strip(), "citations." + i, "episode"));
        }
        List<Long> known = memory.episodes().existing(scope, citations);
        for (int i = 0; i < citations.size(); i++) {
            if (!known.contains(citations.get(i))) {
                throw RequestException.of("citations." + i, "episode " + citations.get(i) + " does not exist in " + scope);
            }
        }
        String producer = SetIds.producerOf(scope, setId).orElse(null);
        NewFact fact = body.validated(() -> new NewFact(setId, producer, category, tag, feature, value, FactSource.API,
                citations, metadata));
        ProfileFact added = memory.profile().add(scope, fact, ACTOR);
        ex.created(Map.of("feature_id", added.idString()));
    }

    private void update(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        long id = featureId(body, scope);
        Map<String, String> metadata = body.has("metadata") ? body.stringMap("metadata") : null;
        FactPatch patch = body.validated(() -> new FactPatch(body.string("category_name", null), body.string("tag", null),
                body.string("feature", null), body.string("value", null), metadata));
        if (!patch.isEmpty()) {
            memory.profile().update(scope, id, patch, ACTOR);
        } else {
            memory.profile().get(scope, id);
        }
        ex.noContent();
    }

    /** Engram addition: every change of a feature, and the values it held before. */
    private void history(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        long id = featureId(body, scope);
        List<FactChange> changes = memory.profile().history(scope, id);
        List<FactVersion> versions = changes.getLast().after() == null ? List.of() : memory.profile().versions(scope, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature_id", Long.toString(id));
        out.put("history", changes.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("action", c.action().wireName());
            row.put("before", c.before());
            row.put("after", c.after());
            row.put("actor", c.actor());
            row.put("at", c.at().toString());
            return row;
        }).toList());
        out.put("versions", versions.stream().map(v -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", v.category());
            row.put("tag", v.tag());
            row.put("feature_name", v.feature());
            row.put("value", v.value());
            row.put("valid_from", v.validFrom().toString());
            row.put("valid_to", v.validTo().toString());
            return row;
        }).toList());
        ex.ok(out);
    }
}
