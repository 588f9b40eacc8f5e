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

        void locomo(LocomoOptions options, java.io.PrintWriter out);

        default void scale(ScaleOptions options, java.io.PrintWriter out) {
            throw new UnsupportedOperationException("bench scale");
        }

        default void h2(H2Options options, java.io.PrintWriter out) {
            throw new UnsupportedOperationException("bench h2");
        }
    }

    /** Options of {@code engram bench h2}. */
    public record H2Options(int facts, int rounds) {
    }

    /** Options of {@code engram bench locomo}. */
    public record LocomoOptions(Path file, Path audit, String model, Boolean speakerInText, boolean captions,
                                java.util.List<String> fusions, java.util.List<String> variants, int conversations,
                                int candidates, Path out, Path dataDir, Path dump, String analyzer, int latency) {
    }

    /** Options of {@code engram bench scale}. */
    public record ScaleOptions(java.util.List<Integer> checkpoints, int samples, boolean coldStart, Path dataDir,
                               int settleSeconds, Replies replies) {
    }

    /** How the scale corpus's assistant replies read (the bench's {@code Corpus.Replies}). */
    public enum Replies { VARIED, REPEATED }

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

    @Command(name = "locomo", description = "Evidence-retrieval quality on LoCoMo: full text only, vector only, and the default, side by side.")
    static final class Locomo implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
                defaultValue = "../shared/bench/locomo10.json", description = "locomo10.json (default: ${DEFAULT-VALUE}).")
        Path file;
        @Option(names = "--audit", paramLabel = "FILE", description = "Also score with the corrected evidence of this audit file (locomo10_audit_errors.json).")
        Path audit;
        @Option(names = "--model", description = "Embedding model (default: the configured one).")
        String model;
        @Option(names = "--speaker-in-text", negatable = true,
                description = "Index \"speaker: text\" (or, negated, the text alone; default: index.speaker's default).")
        Boolean speakerInText;
        @Option(names = "--analyzer", description = "Full-text analyzer (index.analyzer; default: the configured one).")
        String analyzer;
        @Option(names = "--captions", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Append shared images' captions to the turn text (default: on).")
        boolean captions;
        @Option(names = "--fusion", paramLabel = "SPEC", split = ",",
                description = "Extra configurations, e.g. linear:0.7:0.3 or rrf:0.6:0.4:60 (text weight, vector weight[, k]).")
        java.util.List<String> fusions = new java.util.ArrayList<>();
        @Option(names = "--variant", paramLabel = "SETTINGS",
                description = {"An extra configuration as search settings of engram.properties without 'search.',",
                        "space-separated over the default, e.g. \"text_weight=0.6 vector_weight=0.4 session_weight=0.3\"",
                        "(repeatable; 'name=...' labels it)."})
        java.util.List<String> variants = new java.util.ArrayList<>();
        @Option(names = "--conversations", defaultValue = "0", description = "Only the first N conversations (0: all).")
        int conversations;
        @Option(names = "--data-dir", description = {"Keep the ingested store in this folder and reuse it on the next run",
                "with the same model and text options (default: a temporary folder, deleted after)."})
        Path dataDir;
        @Option(names = "--latency", defaultValue = "0", paramLabel = "N", description = {"Also time N searches (top 10,",
                "query embedding included, nothing shared) per configuration, interleaved, after a warm-up (0: skip)."})
        int latency;
        @Option(names = "--dump", paramLabel = "FILE", description = {"Also write every conversation's episodes and each",
                "question's raw full-text and vector candidates (JSON lines), for trying ideas offline."})
        Path dump;
        @Option(names = "--candidates", defaultValue = "0", description = "Hits per retriever before fusion (0: the configured number).")
        int candidates;
        @Option(names = "--out", defaultValue = "target/bench", description = "Folder for the JSON and Markdown reports (default: ${DEFAULT-VALUE}).")
        Path out;
        @Spec
        CommandSpec spec;

        private final Runner runner;

        Locomo(Runner runner) {
            this.runner = runner;
        }

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new dev.engram.core.InvalidInputException("FILE", file.toAbsolutePath() + " does not exist;"
                        + " give the path of locomo10.json (github.com/snap-research/LoCoMo, data/locomo10.json)");
            }
            runner.locomo(new LocomoOptions(file, audit, model, speakerInText, captions, fusions, variants,
                    conversations, candidates, out, dataDir, dump, analyzer, latency), spec.commandLine().getOut());
            return 0;
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

    @Command(name = "scale", description = {"Fill a store with a generated corpus and measure ingest, search, adds,",
            "timeline pages, disk and memory at checkpoints, and the time from process start to a first search."})
    static final class Scale implements Callable<Integer> {
        @Option(names = "--episodes", defaultValue = "100000", description = "Episodes in the end (default: ${DEFAULT-VALUE}).")
        int episodes;
        @Option(names = "--checkpoint", defaultValue = "10000", split = ",",
                description = "Also measure at these sizes (default: ${DEFAULT-VALUE}).")
        java.util.List<Integer> checkpoints;
        @Option(names = "--samples", defaultValue = "300", description = "Measurements per operation (default: ${DEFAULT-VALUE}).")
        int samples;
        @Option(names = "--cold-start", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Measure start-to-first-search with child processes (needs the built jar).")
        boolean coldStart;
        @Option(names = "--data-dir", description = "Data folder to fill (default: a new temporary folder, deleted after).")
        Path dataDir;
        @Option(names = "--settle", defaultValue = "180", paramLabel = "SECONDS", description = {
                "Before measuring at a checkpoint, wait up to this long for the store to finish the background work",
                "the import left (Lucene merges: the process under a fifth of a core for two seconds);",
                "0 measures right after the import (default: ${DEFAULT-VALUE})."})
        int settleSeconds;
        @Option(names = "--replies", defaultValue = "varied", paramLabel = "varied|repeated",
                converter = RepliesConverter.class,
                description = {"How the corpus's assistant replies read: varied (each names what the person said;",
                        "2,400 different) or repeated (six fixed sentences, the corpus of the figures before",
                        "2026-12-01) (default: ${DEFAULT-VALUE})."})
        Replies replies;
        @Spec
        CommandSpec spec;

        private final Runner runner;

        Scale(Runner runner) {
            this.runner = runner;
        }

        @Override
        public Integer call() {
            if (episodes < 1 || episodes > 10_000_000 || samples < 1 || samples > 100_000) {
                throw new dev.engram.core.InvalidInputException("use 1 to 10,000,000 episodes and 1 to 100,000 samples");
            }
            if (settleSeconds < 0 || settleSeconds > 3_600) {
                throw new dev.engram.core.InvalidInputException("--settle takes 0 to 3600 seconds");
            }
            java.util.TreeSet<Integer> sizes = new java.util.TreeSet<>();
            checkpoints.stream().filter(n -> n > 0 && n < episodes).forEach(sizes::add);
            sizes.add(episodes);
            runner.scale(new ScaleOptions(java.util.List.copyOf(sizes), samples, coldStart, dataDir, settleSeconds, replies),
                    spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code varied} or {@code repeated}, in any case. */
    static final class RepliesConverter implements picocli.CommandLine.ITypeConverter<Replies> {
        @Override
        public Replies convert(String value) {
            try {
                return Replies.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of: varied, repeated");
            }
        }
    }

    @Command(name = "h2", description = {"The cost of a profile fact add (one H2 transaction) with H2's own space reuse",
            "(before the durability fix) and with Engram's append-only settings, in one process."})
    static final class H2 implements Callable<Integer> {
        @Option(names = "--facts", defaultValue = "2000", description = "Fact adds per store (default: ${DEFAULT-VALUE}).")
        int facts;
        @Option(names = "--rounds", defaultValue = "3", description = "Stores per setting, alternating (default: ${DEFAULT-VALUE}).")
        int rounds;
        @Spec
        CommandSpec spec;

        private final Runner runner;

        H2(Runner runner) {
            this.runner = runner;
        }

        @Override
        public Integer call() {
            if (facts < 10 || facts > 1_000_000 || rounds < 1 || rounds > 100) {
                throw new dev.engram.core.InvalidInputException("use 10 to 1,000,000 facts and 1 to 100 rounds");
            }
            runner.h2(new H2Options(facts, rounds), spec.commandLine().getOut());
            return 0;
        }
    }
}
