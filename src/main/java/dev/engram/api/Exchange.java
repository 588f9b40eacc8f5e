package dev.engram.api;

import io.javalin.http.Context;

/** What a resource handler needs of a request: its body, and ways to answer. */
final class Exchange {
    private final Context ctx;

    Exchange(Context ctx) {
        this.ctx = ctx;
    }

    /** The JSON object body, which must be there (an endpoint with a request model requires one). */
    Body body() {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw RequestException.of("body", "Field required");
        }
        return Body.of(bytes);
    }

    void json(int status, Object value) {
        ctx.status(status).contentType("application/json").result(Json.write(value));
    }

    void ok(Object value) {
        json(200, value);
    }

    void created(Object value) {
        json(201, value);
    }

    void noContent() {
        ctx.status(204);
    }
}
