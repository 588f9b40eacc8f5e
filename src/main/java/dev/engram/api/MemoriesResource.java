package dev.engram.api;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.ListQuery;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.Scope;
import dev.engram.core.wire.Views;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code /memories}: add, search, list, and deleting episodes and facts. */
final class MemoriesResource implements ApiResource {
    private final MemoryService memory;
    private final Clock clock;

    MemoriesResource(MemoryService memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    @Override
    public void routes(RoutesConfig routes) {
        ApiResource.post(routes, "/memories", this::add);
        ApiResource.post(routes, "/memories/search", this::search);
        ApiResource.post(routes, "/memories/list", this::list);
        ApiResource.post(routes, "/memories/episodic/delete", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            memory.deleteEpisodes(scope, Requests.ids(body, "episodic_id", "episodic_ids", "episodic", scope), "api");
            ex.noContent();
        });
        ApiResource.post(routes, "/memories/semantic/delete", ex -> {
            Body body = ex.body();
            Scope scope = body.scope(true);
            memory.profile().delete(scope, Requests.ids(body, "semantic_id", "semantic_ids", "semantic", scope), "api");
            ex.noContent();
        });
        ApiResource.post(routes, "/memories/episodic/update", this::edit);
    }

    /** All messages are validated before any is stored: a bad one stores nothing. */
    private void add(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        Requests.types(body, "types");
        List<NewEpisode> messages = new ArrayList<>();
        for (Body message : body.objects("messages", 1, Requests.MAX_MESSAGES)) {
            messages.add(Requests.message(message, clock));
        }
        ex.ok(Views.added(memory.episodes().add(scope, messages)));
    }

    private void search(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        String query = body.requiredString("query");
        int topK = body.integer("top_k", 10, 0, SearchQuery.MAX_TOP_K);
        Filter filter = Filter.and(Requests.filter(body), Requests.sets(body, scope));
        int expand = body.integer("expand_context", 0, 0, SearchQuery.MAX_EXPAND_CONTEXT);
        Double threshold = body.number("score_threshold");
        Set<MemoryType> types = Requests.types(body, "types");
        body.bool("agent_mode", false);
        ex.ok(Views.search(body.validated(() -> memory.search(
                new SearchQuery(scope, query, topK, filter, expand, threshold, types)))));
    }

    private void list(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        int pageSize = body.integer("page_size", 100, 1, PageRequest.MAX_SIZE);
        int pageNum = body.integer("page_num", 0, 0, Integer.MAX_VALUE / PageRequest.MAX_SIZE);
        Filter filter = Filter.and(Requests.filter(body), Requests.sets(body, scope));
        String type = body.string("type", null);
        Set<MemoryType> types = type == null ? Set.of() : Set.of(body.validated(() -> {
            try {
                return MemoryType.fromWire(type);
            } catch (dev.engram.core.InvalidInputException e) {
                throw RequestException.of("type", "Input should be 'episodic' or 'semantic'");
            }
        }));
        ex.ok(Views.list(body.validated(() -> memory.list(
                new ListQuery(scope, filter, new PageRequest(pageSize, pageNum), types, Order.OLDEST_FIRST)))));
    }

    /** Engram addition: replace an episode's content (re-embedded; the old text is kept). */
    private void edit(Exchange ex) {
        Body body = ex.body();
        Scope scope = body.scope(true);
        long uid = Requests.existing(body.requiredString("episodic_id").strip(), "episode", scope);
        String content = body.requiredString("content");
        Episode edited = body.validated(() -> memory.episodes().edit(scope, uid, content));
        ex.ok(Views.recent(edited));
    }
}
