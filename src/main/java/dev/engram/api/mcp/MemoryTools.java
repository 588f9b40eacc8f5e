package dev.engram.api.mcp;

import dev.engram.api.Json;
import dev.engram.core.EngramException;
import dev.engram.core.InvalidInputException;
import dev.engram.core.NotFoundException;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.core.wire.Views;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MemMachine's three MCP tools over Engram's memory: {@code add_memory}, {@code search_memory}
 * and {@code delete_memory}, with MemMachine's parameters and defaults. Bad input is a tool
 * error saying what is wrong, never a protocol failure; no stack trace ever reaches the client.
 */
final class MemoryTools {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryTools.class);
    private static final String ID_PROPERTIES = """
            "org_id": {"type": "string", "description": "Organization id (default: mcp-universal, or the org-id header / MM_ORG_ID)."},
            "proj_id": {"type": "string", "description": "Project id (default: mcp-<user_id>, or the proj-id header / MM_PROJ_ID)."}""";

    private final MemoryService memory;
    private final Map<String, String> env;
    private final Clock clock;
    private final McpJsonMapper json;

    MemoryTools(MemoryService memory, Map<String, String> env, Clock clock, McpJsonMapper json) {
        this.memory = memory;
        this.env = env;
        this.clock = clock;
        this.json = json;
    }

    List<SyncToolSpecification> all(Function<Object, Map<String, String>> headers) {
        return List.of(
                tool("add_memory", """
                        Store a new memory for the user: whenever you learn something worth remembering (a
                        preference, a fact about them, a summary of what was discussed). Put the full context
                        in `content`, not a fragment. It is kept as an episode and later feeds the user's profile.""",
                        """
                        {"type": "object", "properties": {
                          "content": {"type": "string", "description": "What to remember."},
                          %s,
                          "user_id": {"type": "string", "description": "The user (default: the user-id header, MM_USER_ID, or this machine)."}},
                         "required": ["content"]}""".formatted(ID_PROPERTIES),
                        (args, h) -> add(args, h), headers),
                tool("search_memory", """
                        Recall what is known about the user and what was said before: call it whenever context is
                        missing or unclear. Searches both profile facts and past conversations (recent and relevant).""",
                        """
                        {"type": "object", "properties": {
                          "query": {"type": "string", "description": "The user's current message or the topic."},
                          %s,
                          "user_id": {"type": "string", "description": "The user (default: the user-id header, MM_USER_ID, or this machine)."},
                          "top_k": {"type": "integer", "description": "Results per memory type (default 20).", "default": 20}},
                         "required": ["query"]}""".formatted(ID_PROPERTIES),
                        (args, h) -> search(args, h), headers),
                tool("delete_memory", """
                        Delete specific memories: outdated, wrong or sensitive ones. Episodic and semantic memories
                        have separate id spaces. All or nothing: if an id is unknown, nothing is deleted.""",
                        """
                        {"type": "object", "properties": {
                          %s,
                          "episodic_memory_uids": {"type": "array", "items": {"type": "string"}, "description": "Episode uids."},
                          "semantic_memory_uids": {"type": "array", "items": {"type": "string"}, "description": "Fact ids."}}}"""
                                .formatted(ID_PROPERTIES),
                        (args, h) -> delete(args, h), headers));
    }

    private interface Handler {
        Object handle(Map<String, Object> arguments, Map<String, String> headers);
    }

    private SyncToolSpecification tool(String name, String description, String schema, Handler handler,
                                       Function<Object, Map<String, String>> headers) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description.strip().replace('\n', ' '))
                .inputSchema(json, schema).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
            try {
                Object result = handler.handle(arguments, headers.apply(exchange.transportContext()));
                return McpSchema.CallToolResult.builder().addTextContent(Json.write(result)).isError(false).build();
            } catch (InvalidInputException e) {
                return error(422, e.getMessage());
            } catch (NotFoundException e) {
                return error(404, e.getMessage());
            } catch (EngramException e) {
                LOG.warn("MCP tool {} failed", name, e);
                return error(500, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("MCP tool {} failed", name, e);
                return error(500, "Internal server error");
            }
        }).build();
    }

    private static McpSchema.CallToolResult error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        return McpSchema.CallToolResult.builder().addTextContent(Json.write(body)).isError(true).build();
    }

    private McpIds ids(Map<String, Object> args, Map<String, String> headers) {
        return McpIds.resolve(text(args, "org_id"), text(args, "proj_id"), text(args, "user_id"), env, headers);
    }

    private Object add(Map<String, Object> args, Map<String, String> headers) {
        String content = text(args, "content");
        if (content == null) {
            throw new InvalidInputException("content", "is required");
        }
        McpIds ids = ids(args, headers);
        Scope scope = Scope.of(ids.org(), ids.project());
        List<Episode> added = memory.episodes().add(scope, List.of(new NewEpisode(ids.user(), "unknown", "user", content,
                clock.instant(), Map.of("user_id", ids.user()))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", 200);
        out.put("message", "Success");
        out.put("uid", added.getFirst().uidString());
        return out;
    }

    private Object search(Map<String, Object> args, Map<String, String> headers) {
        String query = text(args, "query");
        if (query == null) {
            throw new InvalidInputException("query", "is required");
        }
        Object k = args.get("top_k");
        int topK = k == null ? 20 : k instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? n.intValue() : -1;
        if (topK < 0) {
            throw new InvalidInputException("top_k", "must be a whole number between 0 and " + SearchQuery.MAX_TOP_K);
        }
        McpIds ids = ids(args, headers);
        return Views.search(memory.search(new SearchQuery(Scope.of(ids.org(), ids.project()), query, topK, Filter.all(),
                0, null, Set.of())));
    }

    private Object delete(Map<String, Object> args, Map<String, String> headers) {
        McpIds ids = ids(args, headers);
        Scope scope = Scope.of(ids.org(), ids.project());
        List<Long> episodes = uids(args, "episodic_memory_uids", "episode", scope);
        List<Long> facts = uids(args, "semantic_memory_uids", "fact", scope);
        if (episodes.isEmpty() && facts.isEmpty()) {
            throw new InvalidInputException("Give at least one id in episodic_memory_uids or semantic_memory_uids");
        }
        if (!facts.isEmpty()) {
            facts.forEach(id -> memory.profile().get(scope, id)); // all exist, or nothing is deleted
        }
        if (!episodes.isEmpty()) {
            memory.deleteEpisodes(scope, episodes, "mcp");
        }
        if (!facts.isEmpty()) {
            memory.profile().delete(scope, facts, "mcp");
        }
        return Map.of("status", 200, "message", "Success");
    }

    private static List<Long> uids(Map<String, Object> args, String name, String what, Scope scope) {
        Object value = args.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException(name, "must be a list of ids");
        }
        List<Long> out = new ArrayList<>();
        for (Object item : list) {
            String text = String.valueOf(item).strip();
            if (!text.matches("[0-9]{1,18}")) {
                throw new NotFoundException(what + " '" + text + "' not found in " + scope);
            }
            out.add(Long.parseLong(text));
        }
        return out;
    }

    private static String text(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidInputException(name, "must be a string");
        }
        return s.isBlank() ? null : s;
    }
}
