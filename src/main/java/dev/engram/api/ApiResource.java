package dev.engram.api;

import io.javalin.config.RoutesConfig;

/** One REST resource: registers its routes (tests reuse the same routing on port 0). */
public interface ApiResource {
    void routes(RoutesConfig routes);

    /** A POST route under {@code /api/v2} answered by {@code handler}. */
    static void post(RoutesConfig routes, String path, java.util.function.Consumer<Exchange> handler) {
        routes.post(ApiServer.PREFIX + path, ctx -> handler.accept(new Exchange(ctx)));
    }
}
