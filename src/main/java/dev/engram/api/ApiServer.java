package dev.engram.api;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: MemMachine's v2 API under {@code /api/v2} plus any mounted servlet (MCP at
 * {@code /mcp}), all behind one {@link SecurityFilter}. No CORS headers are ever sent.
 */
public final class ApiServer implements AutoCloseable {
    public static final String PREFIX = "/api/v2";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** A servlet served beside the REST routes, e.g. {@code /mcp/*}. */
    public record Mount(String pathSpec, Servlet servlet) {
    }

    private final Javalin app;
    private final ServerSettings settings;

    private ApiServer(Javalin app, ServerSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    public static ApiServer start(ServerSettings settings, List<ApiResource> resources, List<Mount> mounts,
                                  MeterRegistry registry) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.modifyServletContextHandler(handler -> {
                handler.addFilter(new FilterHolder(new SecurityFilter(settings, registry)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                for (Mount mount : mounts) {
                    ServletHolder holder = new ServletHolder(mount.servlet());
                    holder.setAsyncSupported(true);
                    handler.addServlet(holder, mount.pathSpec());
                }
            });
            resources.forEach(resource -> resource.routes(config.routes));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, ApiError.of(e)));
            config.routes.exception(Exception.class, (e, ctx) -> answer(ctx, ApiError.of(e)));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    answer(ctx, new ApiError(404, "Not Found: " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(405, ctx -> answer(ctx, new ApiError(405, "Method Not Allowed")));
        });
        app.start();
        LOG.info("API listening on http://{}:{}{}{}", settings.host(), app.port(), PREFIX,
                settings.requiresToken() ? " (bearer token required)" : "");
        return new ApiServer(app, settings);
    }

    private static void answer(io.javalin.http.Context ctx, ApiError error) {
        ctx.status(error.status()).contentType("application/json").result(error.body());
    }

    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public void close() {
        app.stop();
    }
}
