package dev.engram.api.mcp;

import dev.engram.core.memory.MemoryService;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Engram's MCP server, over streamable HTTP ({@code /mcp} on the REST port, behind the same
 * security filter) or stdio ({@code engram mcp}). Both serve the same three tools.
 */
public final class McpEndpoints {
    public static final String PATH = "/mcp";
    private static final String HEADERS = "engram.headers";
    private static final String INSTRUCTIONS = "Engram is this user's long-term memory. Search it (search_memory)"
            + " before answering when earlier context may matter; store what is worth remembering (add_memory).";

    private McpEndpoints() {
    }

    /** A running MCP server over HTTP: mount {@link #servlet()} at {@link #PATH}; close to stop. */
    public record Http(HttpServletStreamableServerTransportProvider servlet, McpSyncServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.closeGracefully();
        }
    }

    public static Http http(MemoryService memory, String version, Map<String, String> env, Clock clock) {
        McpJsonMapper json = McpJsonMapper.getDefault();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(PATH)
                .contextExtractor(McpEndpoints::headers)
                .build();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("engram", version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(new MemoryTools(memory, env, clock, json).all(McpEndpoints::headersOf))
                .build();
        return new Http(transport, server);
    }

    /** Serves MCP on {@code in}/{@code out} (the process's stdin and stdout) until the client closes it. */
    public static McpSyncServer stdio(MemoryService memory, String version, Map<String, String> env, Clock clock,
                                      InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonMapper.getDefault();
        return McpServer.sync(new StdioServerTransportProvider(json, in, out))
                .serverInfo("engram", version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(new MemoryTools(memory, env, clock, json).all(McpEndpoints::headersOf))
                .build();
    }

    /** The id headers of an HTTP request (lower-cased names), kept in the transport context. */
    private static McpTransportContext headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : new String[] {"org-id", "proj-id", "user-id"}) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return McpTransportContext.create(Map.of(HEADERS, Map.copyOf(headers)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headersOf(Object context) {
        if (context instanceof McpTransportContext transport && transport.get(HEADERS) instanceof Map<?, ?> map) {
            return (Map<String, String>) map;
        }
        return Map.of();
    }
}
