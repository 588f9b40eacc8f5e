package dev.engram.store.h2;

import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.scope.Scope;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code engram bench h2}: the cost of a profile fact add (one H2 transaction with a 384-d
 * vector, a citation and metadata) with H2's own space reuse (the settings before the
 * durability fix) and with the append-only settings Engram uses, in the same process, each
 * round a fresh store per setting, the settings alternating so drift hits both alike.
 */
public final class H2CommitBench {
    private static final Scope SCOPE = Scope.of("bench", "h2");
    private static final int DIMENSIONS = 384;

    /** Figures of one setting over all rounds. */
    public record Result(String setting, int adds, double addsPerSecond, double p50Millis, double p95Millis,
                         double p99Millis, double maxMillis, long peakFileBytesWhileOpen, long fileBytesAfterClose,
                         int compactionsWhileOpen, long closeMillis) {
    }

    private enum Setting {
        REUSE("H2 reuses freed space (before)"),
        APPEND("append-only, compact on close (after)");

        final String label;

        Setting(String label) {
            this.label = label;
        }
    }

    private H2CommitBench() {
    }

    public static List<Result> run(int facts, int rounds, Path workDir) {
        try {
            Files.createDirectories(workDir);
            measureOnce(Setting.APPEND, workDir.resolve("warmup"), Math.min(facts, 500), new Random(0));
            long[][] samples = new long[Setting.values().length][];
            long[] nanos = new long[Setting.values().length];
            long[] bytesOpen = new long[Setting.values().length];
            int[] compactions = new int[Setting.values().length];
            long[] bytesClosed = new long[Setting.values().length];
            long[] closeNanos = new long[Setting.values().length];
            for (int round = 0; round < rounds; round++) {
                for (Setting setting : Setting.values()) {
                    int s = setting.ordinal();
                    Run run = measureOnce(setting, workDir.resolve(setting.name().toLowerCase() + "-" + round), facts,
                            new Random(round));
                    samples[s] = samples[s] == null ? run.latencies : concat(samples[s], run.latencies);
                    nanos[s] += run.nanos;
                    bytesOpen[s] = Math.max(bytesOpen[s], run.peakBytes);
                    compactions[s] += run.compactions;
                    bytesClosed[s] += run.bytesClosed;
                    closeNanos[s] += run.closeNanos;
                }
            }
            List<Result> results = new ArrayList<>();
            for (Setting setting : Setting.values()) {
                int s = setting.ordinal();
                long[] sorted = samples[s].clone();
                Arrays.sort(sorted);
                results.add(new Result(setting.label, sorted.length, sorted.length / (nanos[s] / 1e9),
                        percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                        sorted[sorted.length - 1] / 1e6, bytesOpen[s], bytesClosed[s] / rounds, compactions[s],
                        closeNanos[s] / rounds / 1_000_000));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(workDir);
        }
    }

    public static void print(List<Result> results, int facts, int rounds, PrintWriter out) {
        out.printf("%d rounds of %d fact adds per setting, one fresh store each, settings alternating%n%n", rounds, facts);
        out.println("| setting | adds | adds/s | p50 ms | p95 ms | p99 ms | max ms | largest file while open |"
                + " compactions while open | file after close (mean) | close ms (mean) |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            out.printf("| %s | %d | %.0f | %.2f | %.2f | %.2f | %.0f | %,d | %d | %,d | %d |%n", r.setting(), r.adds(),
                    r.addsPerSecond(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(),
                    r.peakFileBytesWhileOpen(), r.compactionsWhileOpen(), r.fileBytesAfterClose(), r.closeMillis());
        }
        out.flush();
    }

    private record Run(long[] latencies, long nanos, long peakBytes, int compactions, long bytesClosed, long closeNanos) {
    }

    private static Run measureOnce(Setting setting, Path dir, int facts, Random random) throws IOException {
        H2Database database = setting == Setting.REUSE ? H2Database.openReusingSpaceForBenchmark(dir) : H2Database.open(dir);
        long[] latencies = new long[facts];
        long started;
        long ended;
        long peakBytes = 0;
        int compactions;
        try {
            H2ProfileStore store = new H2ProfileStore(database);
            started = System.nanoTime();
            for (int i = 0; i < facts; i++) {
                float[] vector = new float[DIMENSIONS];
                for (int d = 0; d < DIMENSIONS; d++) {
                    vector[d] = random.nextFloat() - 0.5f;
                }
                NewFact fact = new NewFact("set-main", "alice", "profile", "Preferences", "feature_" + i,
                        "a realistic preference value number " + i, FactSource.API, List.of((long) i), Map.of("i", "" + i));
                long t0 = System.nanoTime();
                store.add(SCOPE, fact, fact.feature() + ": " + fact.value(), vector, "bench");
                latencies[i] = System.nanoTime() - t0;
                if (i % 25 == 0) {
                    peakBytes = Math.max(peakBytes, Files.size(database.dataFile()));
                }
            }
            ended = System.nanoTime();
            peakBytes = Math.max(peakBytes, Files.size(database.dataFile()));
            compactions = database.compactions();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        long closeStarted = System.nanoTime();
        database.close();
        long closeNanos = System.nanoTime() - closeStarted;
        return new Run(latencies, ended - started, peakBytes, compactions, Files.size(dir.resolve(H2Database.DEFAULT_NAME + ".mv.db")),
                closeNanos);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.clamp(rank, 0, sorted.length - 1)] / 1e6;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
