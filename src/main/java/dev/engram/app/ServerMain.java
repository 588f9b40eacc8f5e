package dev.engram.app;

import dev.engram.api.ApiServer;
import dev.engram.api.EngramApi;
import dev.engram.api.ServerSettings;
import dev.engram.api.mcp.McpEndpoints;
import java.net.URI;
import dev.engram.cli.ServeCommand;
import dev.engram.core.Progress;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code engram serve}: the API over the data folder until the process is stopped. */
final class ServerMain implements ServeCommand.Runner {
    private final Clock clock;
    private final Progress progress;

    ServerMain(Clock clock, Progress progress) {
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public void serve(ServeCommand.Options options, PrintWriter out) {
        // settings first: a refused --host fails before the stores spend seconds opening
        ServerSettings settings = new ServerSettings(options.host(), options.port(), options.token(), options.maxBodyBytes());
        Path dataDir = AppPaths.dataDirectory(options.dataDir());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "engram-shutdown"));
        try (Engram engram = Engram.open(dataDir, EngramConfig.load(dataDir), progress, clock);
             Running server = start(engram, settings)) {
            engram.useModels(options.ollamaUrl(), options.extractionModel());
            engram.startBackgroundWork();
            Thread.ofVirtual().name("engram-warm-up").start(engram::warmUp); // the first search answers at full speed
            out.printf("Engram %s serving MemMachine's v2 API at %s%s and MCP at %s%s%n", Version.current(),
                    server.baseUri(), ApiServer.PREFIX, server.baseUri(), McpEndpoints.PATH);
            out.printf("Data folder: %s%s%nStop with Ctrl+C.%n", dataDir,
                    settings.requiresToken() ? "\nEvery request needs: Authorization: Bearer <token>" : "");
            out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** The REST API and the MCP server on one port; closing stops both. */
    record Running(ApiServer api, McpEndpoints.Http mcp) implements AutoCloseable {
        URI baseUri() {
            return api.baseUri();
        }

        @Override
        public void close() {
            api.close();
            mcp.close();
        }
    }

    /** Starts the API and MCP over HTTP for an open Engram (the desktop app uses this too). */
    static Running start(Engram engram, ServerSettings settings) {
        PrometheusMeterRegistry registry = EngramApi.newRegistry();
        McpEndpoints.Http mcp = McpEndpoints.http(engram.memory(), Version.current(), System.getenv(), Clock.systemUTC());
        try {
            ApiServer api = ApiServer.start(settings, EngramApi.resources(engram.memory(), engram.transfers(),
                    engram.embedder().space().modelId(), Version.current(), registry, Clock.systemUTC()),
                    List.of(new ApiServer.Mount(McpEndpoints.PATH, mcp.servlet())), registry);
            return new Running(api, mcp);
        } catch (RuntimeException e) {
            mcp.close();
            throw e;
        }
    }
}
