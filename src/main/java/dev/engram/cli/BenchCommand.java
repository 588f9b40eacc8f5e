package dev.engram.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram bench ...}: measurements that write their figures for BENCHMARKS.md. */
public final class BenchCommand {
    private BenchCommand() {
    }

    /** Runs benchmarks; implemented by the composition root. */
    public interface Runner {
        void api(ApiOptions options, java.io.PrintWriter out);
    }

    /** Options of {@code engram bench api}. */
    public record ApiOptions(int clients, int seconds, int warmupSeconds, Path dataDir) {
    }

    @Command(name = "bench", description = "Benchmarks (figures for BENCHMARKS.md).", mixinStandardHelpOptions = true)
    static final class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "api", description = "Load the REST API over loopback: concurrent clients adding and searching.")
    static final class Api implements Callable<Integer> {
        @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        int clients;
        @Option(names = "--seconds", defaultValue = "60", description = "Measured duration (default: ${DEFAULT-VALUE}).")
        int seconds;
        @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured warm-up seconds (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--data-dir", description = "Data folder to load (default: a new temporary folder, deleted after).")
        Path dataDir;
        @Spec
        CommandSpec spec;

        private final Runner runner;

        Api(Runner runner) {
            this.runner = runner;
        }

        @Override
        public Integer call() {
            if (clients < 1 || clients > 256 || seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600) {
                throw new dev.engram.core.InvalidInputException("use 1-256 clients, 1-3600 seconds and 0-600 warm-up seconds");
            }
            runner.api(new ApiOptions(clients, seconds, warmup, dataDir), spec.commandLine().getOut());
            return 0;
        }
    }
}
