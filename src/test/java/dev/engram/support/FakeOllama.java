package dev.engram.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one allowed test double: an Ollama server on 127.0.0.1 speaking its HTTP protocol
 * ({@code GET /api/tags}, {@code POST /api/chat} streaming NDJSON or one JSON object). Replies are
 * scripted per test (queued, or computed from the request); every chat request is kept, parsed,
 * for assertions. It can also refuse (503) or hold its answers until released.
 */
public final class FakeOllama implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted answer: its pieces, sent with a pause before each. */
    public record Reply(List<String> pieces, Duration pause) {
        public static Reply of(String... pieces) {
            return new Reply(List.of(pieces), Duration.ZERO);
        }

        public static Reply slow(Duration pause, String... pieces) {
            return new Reply(List.of(pieces), pause);
        }
    }

    private final HttpServer server;
    private final List<String> models;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Reply> responder = request -> Reply.of("(no scripted reply)");
    private volatile boolean refusing;
    private volatile CountDownLatch gate;

    private FakeOllama(List<String> models) throws IOException {
        this.models = List.copyOf(models);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/tags", this::tags);
        server.createContext("/api/chat", this::chat);
        server.start();
    }

    public static FakeOllama start(String... models) throws IOException {
        return new FakeOllama(List.of(models));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeOllama reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    /** How to answer a chat request when no scripted reply is queued (by default a fixed text). */
    public FakeOllama respondWith(Function<JsonNode, Reply> responder) {
        this.responder = responder;
        return this;
    }

    /** While refusing, every request is answered 503 (an Ollama that is up but failing). */
    public void refuse(boolean refusing) {
        this.refusing = refusing;
    }

    /** Chat requests from now on are received (and recorded) but not answered until {@link #release}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** The chat requests received so far, as JSON. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void tags(HttpExchange exchange) throws IOException {
        if (refused(exchange)) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        var list = body.putArray("models");
        for (String name : models) {
            list.addObject().put("name", name).put("model", name).put("size", 2_000_000_000L)
                    .put("digest", "sha256:0").put("modified_at", "2026-11-01T10:00:00Z");
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
    }

    private void chat(HttpExchange exchange) throws IOException {
        if (refused(exchange)) {
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        CountDownLatch held = gate;
        if (held != null) {
            try {
                held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String model = request.path("model").asText();
        if (!models.contains(model)) {
            send(exchange, 404, "application/json",
                    ("{\"error\":\"model '" + model + "' not found\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Reply reply = replies.poll();
        if (reply == null) {
            reply = responder.apply(request);
        }
        boolean stream = request.path("stream").asBoolean(true);
        if (!stream) {
            pause(reply.pause());
            ObjectNode whole = done(model);
            whole.putObject("message").put("role", "assistant").put("content", String.join("", reply.pieces()));
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(whole));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : reply.pieces()) {
                pause(reply.pause());
                ObjectNode line = JSON.createObjectNode().put("model", model).put("created_at", "2026-11-24T10:00:00Z")
                        .put("done", false);
                line.putObject("message").put("role", "assistant").put("content", piece);
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
                out.flush();
            }
            ObjectNode last = done(model);
            last.putObject("message").put("role", "assistant").put("content", "");
            out.write(JSON.writeValueAsBytes(last));
            out.write('\n');
        } catch (IOException e) {
            // the client went away (a cancelled answer): that is allowed
        }
    }

    private boolean refused(HttpExchange exchange) throws IOException {
        if (!refusing) {
            return false;
        }
        exchange.getRequestBody().readAllBytes();
        send(exchange, 503, "application/json", "{\"error\":\"server busy\"}".getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static ObjectNode done(String model) {
        return JSON.createObjectNode().put("model", model).put("created_at", "2026-11-24T10:00:01Z").put("done", true)
                .put("done_reason", "stop").put("prompt_eval_count", 42).put("eval_count", 7);
    }

    private static void pause(Duration pause) {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The text of a chat request's message with this role (system, user), or "" when it has none. */
    public static String message(JsonNode request, String role) {
        for (JsonNode m : request.path("messages")) {
            if (m.path("role").asText().equals(role)) {
                return m.path("content").asText();
            }
        }
        return "";
    }

    /** The messages of a chat request, as role: content lines. */
    public static List<String> messages(JsonNode request) {
        List<String> lines = new ArrayList<>();
        request.path("messages").forEach(m -> lines.add(m.path("role").asText() + ": " + m.path("content").asText()));
        return lines;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
