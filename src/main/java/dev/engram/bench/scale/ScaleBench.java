package dev.engram.bench.scale;

import dev.engram.bench.Latencies;
import dev.engram.core.Progress;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.memory.SearchQuery;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * {@code engram bench scale}: fills a store with a generated corpus through the add path the API
 * uses (embedding included), and at each checkpoint measures search in-process and over REST,
 * single adds over REST, timeline pages of the biggest scope, disk and peak memory.
 */
public final class ScaleBench {
    static final int BATCH = 100;

    /** Latency figures of one operation, in milliseconds. */
    public record Stats(int n, double p50, double p95, double p99) {
        static Stats of(Latencies l) {
            return new Stats(l.count(), l.percentileMillis(0.50), l.percentileMillis(0.95), l.percentileMillis(0.99));
        }
    }

    /** What was measured once the store held {@code episodes}. */
    public record Checkpoint(long episodes, double ingestPerSecond, Stats searchInProcess, Stats searchRest,
                             Stats addRest, Stats timelinePage, double histogramMillis, long bigScopeEpisodes,
                             long diskBytes, long peakRssBytes, Cost cost, Map<String, Stats> searchStages,
                             Map<String, Long> diskParts, double settledSeconds, int warmUpSearches) {
    }

    /**
     * What the work cost the process in CPU (all threads), which a busy machine distorts less
     * than wall time: per ingested episode and per in-process search; and the heap after a GC.
     */
    public record Cost(double ingestCpuMillisPerEpisode, double searchCpuMillis, long heapUsedBytes,
                       long heapCommittedBytes, Resident resident) {
    }

    /**
     * The process's resident memory when measured (Linux; -1 elsewhere): anonymous (heap, class
     * metadata, code, Neo4j's page cache, ONNX Runtime) and mapped files (the Lucene index files,
     * pages the kernel can drop and read again).
     */
    public record Resident(long anonymousBytes, long fileBytes) {
        static Resident now() {
            return new Resident(readStatus("RssAnon:", () -> -1), readStatus("RssFile:", () -> -1));
        }
    }

    private final MemoryService memory;
    private final URI api;
    private final Path dataDir;
    private final int samples;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Corpus corpus;
    private final Random random = new Random(7);
    private SearchStages stages;
    private java.time.Duration settleAtMost = java.time.Duration.ZERO;
    private int warmUpRounds = 20;

    /** {@code samples}: measurements per operation and checkpoint. */
    public ScaleBench(MemoryService memory, URI api, Path dataDir, int samples) {
        this(memory, api, dataDir, samples, new Corpus(42, 20, 5));
    }

    public ScaleBench(MemoryService memory, URI api, Path dataDir, int samples, Corpus corpus) {
        this.corpus = corpus;
        this.memory = memory;
        this.api = api;
        this.dataDir = dataDir;
        this.samples = samples;
    }

    /** Also times each step of a search at every checkpoint. */
    public ScaleBench withStages(SearchStages stages) {
        this.stages = stages;
        return this;
    }

    /**
     * Before measuring at a checkpoint, waits up to {@code atMost} for the background work the
     * import left (Lucene merging the vector index's segments, a Neo4j checkpoint) to end: the
     * process's CPU below a fifth of a core for two seconds running.
     */
    public ScaleBench withSettling(java.time.Duration atMost) {
        this.settleAtMost = atMost;
        return this;
    }

    /** Warms up for at most this many rounds of searches before measuring (see {@link #warmUp}). */
    public ScaleBench withWarmUpRounds(int rounds) {
        this.warmUpRounds = rounds;
        return this;
    }

    /** Ingests up to each checkpoint in turn and measures there. */
    public List<Checkpoint> run(List<Integer> checkpoints, Progress progress) throws IOException, InterruptedException {
        List<Checkpoint> out = new ArrayList<>();
        long stored = 0;
        for (int target : checkpoints) {
            long started = System.nanoTime();
            long cpuStarted = cpuNanos();
            long added = 0;
            while (stored < target) {
                int n = (int) Math.min(BATCH, target - stored);
                memory.episodes().add(corpus.nextScope(), corpus.conversation(n));
                stored += n;
                added += n;
                progress.update("Ingesting", stored, checkpoints.getLast());
            }
            double rate = added / ((System.nanoTime() - started) / 1e9);
            double cpuPerEpisode = (cpuNanos() - cpuStarted) / 1e6 / Math.max(1, added);
            progress.update("Measuring at " + target + " episodes", 0, -1);
            out.add(measure(stored, rate, cpuPerEpisode));
        }
        return out;
    }

    private Checkpoint measure(long stored, double rate, double cpuPerEpisode) throws IOException, InterruptedException {
        double settled = settle();
        int warmUpSearches = warmUp();
        Map<String, Stats> stageStats = stages == null ? Map.of() : stages.measure(corpus, samples);
        long searchCpu = 0;
        Latencies inProcess = new Latencies();
        Latencies rest = new Latencies();
        Latencies add = new Latencies();
        Latencies page = new Latencies();
        for (int i = 0; i < samples; i++) {
            Scope scope = corpus.nextScope();
            String query = corpus.query();
            long cpu = cpuNanos();
            time(inProcess, () -> memory.search(SearchQuery.of(scope, query, 10)).episodes().size());
            searchCpu += cpuNanos() - cpu;
            time(rest, () -> post("/memories/search", "{\"org_id\": \"" + scope.orgId() + "\", \"project_id\": \""
                    + scope.projectId() + "\", \"query\": \"" + query + "\", \"top_k\": 10}"));
        }
        for (int i = 0; i < samples; i++) {
            Scope scope = corpus.nextScope();
            time(add, () -> post("/memories", "{\"org_id\": \"" + scope.orgId() + "\", \"project_id\": \"" + scope.projectId()
                    + "\", \"messages\": [{\"producer\": \"" + corpus.person() + "\", \"role\": \"user\", \"content\": \""
                    + corpus.conversation(1).getFirst().content() + "\"}]}"));
        }
        Scope big = corpus.bigScope();
        long bigCount = memory.countEpisodes(big, Filter.all());
        int pages = (int) Math.max(1, bigCount / 200);
        for (int i = 0; i < samples; i++) {
            int number = random.nextInt(pages);
            time(page, () -> memory.episodes().page(big, Filter.all(), new PageRequest(200, number), Order.NEWEST_FIRST).size());
        }
        long histogramStart = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            memory.episodes().countsByDay(big, Filter.all(), ZoneOffset.UTC);
        }
        double histogram = (System.nanoTime() - histogramStart) / 5e6;
        System.gc();
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Cost cost = new Cost(cpuPerEpisode, searchCpu / 1e6 / samples, heap.getUsed(), heap.getCommitted(), Resident.now());
        // the total is the parts' sum: one more walk of the folder could see a checkpoint's writes the parts missed
        Map<String, Long> disk = DiskParts.of(dataDir);
        return new Checkpoint(stored, rate, Stats.of(inProcess), Stats.of(rest), Stats.of(add), Stats.of(page), histogram,
                bigCount, disk.values().stream().mapToLong(Long::longValue).sum(), peakRss(), cost, stageStats, disk, settled, warmUpSearches);
    }

    /** Seconds waited for the process to go quiet (at most the settling time). */
    private double settle() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + settleAtMost.toNanos();
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            long cpu = cpuNanos();
            Thread.sleep(1_000);
            quietSeconds = cpuNanos() - cpu < 200_000_000L ? quietSeconds + 1 : 0;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Searches (in-process and over REST, the measured mix) until the JIT compiler has settled: in
     * rounds of up to 50 of each, until a round spent less than 5 % of its time compiling, at most
     * the rounds set. Neo4j, Cypher, Lucene and the HTTP server are much code: 350 searches in,
     * the compiler still took a tenth of the CPU, and p95 fell from 26.7 ms over the next 300 to
     * about 15.5 ms in later rounds (BENCHMARKS.md); this warm-up was 50 searches before. Returns
     * the searches made.
     */
    private int warmUp() throws IOException, InterruptedException {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int perRound = Math.min(50, samples);
        int searches = 0;
        for (int round = 0; round < warmUpRounds; round++) {
            long compiling = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                Scope scope = corpus.nextScope();
                String query = corpus.query();
                memory.search(SearchQuery.of(scope, query, 10));
                post("/memories/search", "{\"org_id\": \"" + scope.orgId() + "\", \"project_id\": \"" + scope.projectId()
                        + "\", \"query\": \"" + query + "\", \"top_k\": 10}");
                searches += 2;
            }
            double roundMillis = (System.nanoTime() - start) / 1e6;
            if (!jit.isCompilationTimeMonitoringSupported() || jit.getTotalCompilationTime() - compiling < 0.05 * roundMillis) {
                break;
            }
        }
        return searches;
    }

    @FunctionalInterface
    private interface Call {
        long run() throws IOException, InterruptedException;
    }

    private static void time(Latencies into, Call call) throws IOException, InterruptedException {
        long start = System.nanoTime();
        call.run();
        into.record((System.nanoTime() - start) / 1_000);
    }

    private long post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/api/v2" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().length();
    }

    /** Bytes of every file under the folder. */
    public static long diskBytes(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** CPU time of the whole process so far (every thread, native ones too). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The process's peak resident set (VmHWM) on Linux, else -1. */
    public static long peakRss() {
        return readStatus("VmHWM:", () -> -1);
    }

    private static long readStatus(String field, LongSupplier otherwise) {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return otherwise.getAsLong();
        }
        return otherwise.getAsLong();
    }
}
