package dev.engram.app;

import dev.engram.api.ApiServer;
import dev.engram.api.ServerSettings;
import dev.engram.bench.ApiLoad;
import dev.engram.cli.BenchCommand;
import dev.engram.core.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code engram bench ...}: starts what is measured, measures it, prints Markdown for BENCHMARKS.md. */
final class BenchMain implements BenchCommand.Runner {
    @Override
    public void api(BenchCommand.ApiOptions options, PrintWriter out) {
        Path dataDir = options.dataDir();
        boolean temporary = dataDir == null;
        try {
            if (temporary) {
                dataDir = Files.createTempDirectory("engram-bench-");
            }
            try (Engram engram = Engram.open(dataDir, EngramConfig.load(dataDir), Progress.NONE, Clock.systemUTC());
                 ApiServer server = ServerMain.start(engram, ServerSettings.loopback(0))) {
                ApiLoad load = new ApiLoad(server.baseUri(), null);
                String org = "bench-" + Instant.now().getEpochSecond();
                if (options.warmupSeconds() > 0) {
                    out.printf("Warming up for %d s...%n", options.warmupSeconds());
                    out.flush();
                    load.run(options.clients(), Duration.ofSeconds(options.warmupSeconds()), org + "-warmup");
                }
                out.printf("Measuring %d clients for %d s...%n", options.clients(), options.seconds());
                out.flush();
                ApiLoad.Result result = load.run(options.clients(), Duration.ofSeconds(options.seconds()), org);
                out.println();
                out.println(result.markdown());
                out.printf("%nMachine: %d cores, %s %s, Java %s; data folder %s%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                        System.getProperty("os.arch"), System.getProperty("java.version"), dataDir);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (temporary && dataDir != null) {
                deleteTree(dataDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
