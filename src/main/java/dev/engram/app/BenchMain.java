package dev.engram.app;

import dev.engram.api.ApiServer;
import dev.engram.api.ServerSettings;
import dev.engram.bench.ApiLoad;
import dev.engram.cli.BenchCommand;
import dev.engram.bench.locomo.Locomo;
import dev.engram.bench.locomo.LocomoBench;
import dev.engram.bench.locomo.LocomoReader;
import dev.engram.bench.locomo.LocomoReport;
import dev.engram.bench.locomo.RetrievalMetrics;
import dev.engram.core.Progress;
import dev.engram.core.episode.EpisodeStore;
import dev.engram.core.episode.EpisodicSearch;
import dev.engram.core.ingest.Embedder;
import dev.engram.core.episode.Fusion;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.llm.OnnxEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    /** Made when a report is written, not when every command loads this class. */
    private static com.fasterxml.jackson.databind.ObjectMapper json() {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public void locomo(BenchCommand.LocomoOptions options, PrintWriter out) {
        Path dataDir = options.dataDir();
        boolean temporary = dataDir == null;
        try {
            List<Locomo.Conversation> conversations = LocomoReader.read(options.file());
            if (options.conversations() > 0) {
                conversations = conversations.subList(0, Math.min(options.conversations(), conversations.size()));
            }
            Map<String, List<String>> corrections = options.audit() == null ? Map.of()
                    : LocomoReader.auditCorrections(options.audit());
            EngramConfig defaults = EngramConfig.defaults();
            EpisodicSearch.Settings search = options.candidates() > 0
                    ? defaults.search().withCandidates(options.candidates()) : defaults.search();
            boolean speaker = options.speakerInText() == null ? defaults.indexSpeaker() : options.speakerInText();
            EngramConfig config = new EngramConfig(options.model() == null ? defaults.embeddingModel()
                    : OnnxEmbedder.Model.byId(options.model()), search, speaker,
                    options.analyzer() == null ? defaults.analyzer() : options.analyzer());
            if (temporary) {
                dataDir = Files.createTempDirectory("engram-locomo-");
            }
            try (Engram engram = Engram.open(dataDir, config, BenchMain::progress, Clock.systemUTC())) {
                LocomoBench bench = new LocomoBench((scope, messages) -> engram.memory().episodes().add(scope, messages),
                        options.captions());
                long started = System.nanoTime();
                Map<Integer, Scope> scopes = ingestOrReuse(engram, bench, conversations, config, options, dataDir);
                double ingestSeconds = (System.nanoTime() - started) / 1e9;
                EpisodeStore store = BenchCache.store(engram.episodeStore());
                Embedder embedder = BenchCache.embedder(engram.embedder());
                Map<String, EpisodicSearch.Settings> configurations = new java.util.LinkedHashMap<>();
                configurations.put("default (" + describe(search) + ")", search);
                configurations.put("full-text only", baseline(search, new Fusion(Fusion.Method.LINEAR, 1, 0, 60)));
                configurations.put("vector only", baseline(search, new Fusion(Fusion.Method.LINEAR, 0, 1, 60)));
                for (String spec : options.fusions()) {
                    EpisodicSearch.Settings extra = search.withFusion(fusion(spec));
                    configurations.put(describe(extra), extra);
                }
                for (String spec : options.variants()) {
                    Map.Entry<String, EpisodicSearch.Settings> extra = EngramConfig.searchVariant(search, spec);
                    configurations.put(extra.getKey(), extra.getValue());
                }
                List<LocomoBench.Variant> variants = new ArrayList<>();
                configurations.forEach((name, settings) -> variants.add(variant(store, embedder, name, settings)));
                started = System.nanoTime();
                Map<String, RetrievalMetrics> results = bench.evaluate(conversations, scopes, variants, Map.of(),
                        BenchMain::progress);
                double askSeconds = (System.nanoTime() - started) / 1e9;
                Map<String, RetrievalMetrics> audited = corrections.isEmpty() ? Map.of()
                        : bench.evaluate(conversations, scopes, variants, corrections, BenchMain::progress);
                long turns = conversations.stream().mapToLong(c -> c.sessions().stream().mapToLong(x -> x.turns().size()).sum()).sum();
                long questions = conversations.stream().mapToLong(c -> c.questions().size()).sum();
                String header = String.format("LoCoMo: %d conversations, %d turns, %d questions; model %s; %s; captions %s;"
                                + " ingest %.1f s (%.0f turns/s); %d configurations x %d questions asked in %.1f s"
                                + " (retriever results shared between configurations)%n",
                        conversations.size(), turns, questions, config.embeddingModel().id(),
                        (speaker ? "speaker in indexed text" : "text alone indexed") + ", analyzer " + config.analyzer(),
                        options.captions() ? "on" : "off", ingestSeconds, turns / ingestSeconds, variants.size(), questions,
                        askSeconds);
                String latency = options.latency() > 0 ? latency(engram, configurations, conversations, scopes,
                        options.latency()) : "";
                String markdown = header + "\n" + LocomoReport.markdown(results, variants.getFirst().name())
                        + latency
                        + (audited.isEmpty() ? "" : "\nWith the audit's corrected evidence:\n\n"
                        + LocomoReport.markdown(audited, variants.getFirst().name()));
                out.println();
                out.println(markdown);
                Files.createDirectories(options.out());
                String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                Files.writeString(options.out().resolve("locomo-" + stamp + ".md"), markdown);
                Map<String, Object> run = new java.util.LinkedHashMap<>();
                run.put("date", java.time.Instant.now().toString());
                run.put("machine", machine());
                run.put("model", config.embeddingModel().id());
                run.put("speaker_in_text", speaker);
                run.put("captions", options.captions());
                run.put("ingest_seconds", ingestSeconds);
                run.put("turns", turns);
                run.put("questions", questions);
                Map<String, Object> report = LocomoReport.json(results, run);
                if (!audited.isEmpty()) {
                    report.put("audited", LocomoReport.json(audited, Map.of()).get("configurations"));
                }
                Files.writeString(options.out().resolve("locomo-" + stamp + ".json"), json().writeValueAsString(report));
                out.printf("%nReports: %s%n", options.out().resolve("locomo-" + stamp + ".{md,json}").toAbsolutePath());
                out.flush();
                if (options.dump() != null) {
                    LocomoDump.write(options.dump(), engram.episodeStore(), embedder, conversations, scopes, 200);
                    out.printf("Candidates: %s%n", options.dump().toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary && dataDir != null) {
                deleteTree(dataDir);
            }
        }
    }

    /**
     * Ingests the conversations, or reuses a kept store that was filled with the same model and
     * text options (a marker file in the data folder records them).
     */
    private static Map<Integer, Scope> ingestOrReuse(Engram engram, LocomoBench bench, List<Locomo.Conversation> conversations,
                                                     EngramConfig config, BenchCommand.LocomoOptions options, Path dataDir)
            throws IOException {
        String org = "locomo";
        String marker = "model=" + config.embeddingModel().id() + " speaker=" + config.indexSpeaker()
                + " captions=" + options.captions() + " file=" + options.file().getFileName();
        Path markerFile = dataDir.resolve("locomo-ingested.txt");
        java.util.Set<String> done = Files.isRegularFile(markerFile)
                ? new java.util.HashSet<>(Files.readAllLines(markerFile)) : new java.util.HashSet<>();
        Map<Integer, Scope> scopes = new java.util.LinkedHashMap<>();
        List<Locomo.Conversation> missing = new ArrayList<>();
        for (Locomo.Conversation c : conversations) {
            scopes.put(c.index(), LocomoBench.scope(c, org));
            if (!done.contains(marker + " conversation=" + c.sampleId())) {
                missing.add(c);
            }
        }
        for (Locomo.Conversation c : missing) {
            Scope scope = LocomoBench.scope(c, org);
            engram.episodeStore().deleteAll(scope);
            bench.ingest(List.of(c), org, BenchMain::progress);
            Files.writeString(markerFile, marker + " conversation=" + c.sampleId() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        return scopes;
    }

    /** A one-retriever baseline: the configuration's fusion weights replaced, nothing re-ranked after. */
    private static EpisodicSearch.Settings baseline(EpisodicSearch.Settings search, Fusion fusion) {
        return new EpisodicSearch.Settings(fusion, search.candidates(), dev.engram.core.episode.QueryText.KEEP,
                dev.engram.core.episode.TimelineRerank.NONE);
    }

    /**
     * In-process search latency per configuration (top 10, query embedding included, no cache):
     * the questions in turn, every configuration asked each one in turn, after 20 unmeasured.
     */
    private static String latency(Engram engram, Map<String, EpisodicSearch.Settings> configurations,
                                  List<Locomo.Conversation> conversations, Map<Integer, Scope> scopes, int samples) {
        Map<String, EpisodicSearch> searches = new java.util.LinkedHashMap<>();
        Map<String, dev.engram.bench.Latencies> times = new java.util.LinkedHashMap<>();
        configurations.forEach((name, settings) -> {
            searches.put(name, engram.episodicSearch(settings));
            times.put(name, new dev.engram.bench.Latencies());
        });
        List<Map.Entry<Scope, String>> questions = new ArrayList<>();
        int longest = conversations.stream().mapToInt(c -> c.questions().size()).max().orElse(0);
        for (int i = 0; i < longest && questions.size() < samples + 20; i++) {
            for (Locomo.Conversation c : conversations) {
                if (i < c.questions().size() && questions.size() < samples + 20) {
                    questions.add(Map.entry(scopes.get(c.index()), c.questions().get(i).text()));
                }
            }
        }
        for (int i = 0; i < questions.size(); i++) {
            for (Map.Entry<String, EpisodicSearch> search : searches.entrySet()) {
                long start = System.nanoTime();
                search.getValue().top(questions.get(i).getKey(), questions.get(i).getValue(), Filter.all(), 10);
                if (i >= 20) {
                    times.get(search.getKey()).record((System.nanoTime() - start) / 1_000);
                }
            }
            progress("Timing searches", i + 1, questions.size());
        }
        StringBuilder out = new StringBuilder(String.format(
                "%nIn-process search latency, top 10, query embedding included (%d searches each, interleaved):%n%n"
                        + "| configuration | p50 ms | p95 ms |%n|---|---|---|%n", questions.size() - 20));
        times.forEach((name, t) -> out.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f |%n", name,
                t.percentileMillis(0.5), t.percentileMillis(0.95))));
        return out.toString();
    }

    private static LocomoBench.Variant variant(EpisodeStore store, Embedder embedder, String name,
                                               EpisodicSearch.Settings settings) {
        EpisodicSearch search = new EpisodicSearch(store, embedder, settings);
        return new LocomoBench.Variant(name, (scope, query, k) -> search.top(scope, query, Filter.all(), k).stream()
                .map(ScoredEpisode::episode).toList());
    }

    private static String describe(EpisodicSearch.Settings settings) {
        Fusion f = settings.fusion();
        StringBuilder out = new StringBuilder(f.method().name().toLowerCase(java.util.Locale.ROOT) + " " + f.textWeight()
                + "/" + f.vectorWeight() + (f.method() == Fusion.Method.RRF ? " k=" + f.rrfK() : "") + ", "
                + settings.candidates() + " candidates");
        if (settings.queryText() != dev.engram.core.episode.QueryText.KEEP) {
            out.append(", ").append(settings.queryText().name().toLowerCase(java.util.Locale.ROOT));
        }
        var t = settings.timeline();
        if (t.neighbourWeight() > 0) {
            out.append(", neighbours ").append(t.neighbourWeight());
        }
        if (t.sessionWeight() > 0) {
            out.append(", sessions ").append(t.sessionWeight()).append(" (gap ").append(t.sessionGap()).append(")");
        }
        if (t.questionFactor() < 1) {
            out.append(", questions x").append(t.questionFactor());
        }
        return out.toString();
    }

    /** {@code linear:0.7:0.3} or {@code rrf:0.6:0.4:60}. */
    static Fusion fusion(String spec) {
        String[] parts = spec.strip().split(":");
        try {
            Fusion.Method method = Fusion.Method.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
            int k = parts.length > 3 ? Integer.parseInt(parts[3]) : 60;
            return new Fusion(method, Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), k);
        } catch (RuntimeException e) {
            throw new dev.engram.core.InvalidInputException("--fusion", "'" + spec
                    + "' is not METHOD:TEXT_WEIGHT:VECTOR_WEIGHT[:K], e.g. linear:0.7:0.3 or rrf:0.6:0.4:60");
        }
    }

    private static void progress(String task, long done, long total) {
        if (total < 0) {
            System.err.printf("%n%s...%n", task);
        } else if (done == total || done % 100 == 0) {
            System.err.printf("\r%s: %d / %d", task, done, total);
            if (done >= total) {
                System.err.println();
            }
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }

    @Override
    public void h2(BenchCommand.H2Options options, PrintWriter out) {
        try {
            Path work = Files.createTempDirectory("engram-bench-h2-");
            var results = dev.engram.store.h2.H2CommitBench.run(options.facts(), options.rounds(), work);
            dev.engram.store.h2.H2CommitBench.print(results, options.facts(), options.rounds(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void api(BenchCommand.ApiOptions options, PrintWriter out) {
        Path dataDir = options.dataDir();
        boolean temporary = dataDir == null;
        try {
            if (temporary) {
                dataDir = Files.createTempDirectory("engram-bench-");
            }
            try (Engram engram = Engram.open(dataDir, EngramConfig.load(dataDir), Progress.NONE, Clock.systemUTC());
                 ServerMain.Running server = ServerMain.start(engram, ServerSettings.loopback(0))) {
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

    @Override
    public void scale(BenchCommand.ScaleOptions options, PrintWriter out) {
        Path dataDir = options.dataDir();
        boolean temporary = dataDir == null;
        try {
            if (temporary) {
                dataDir = Files.createTempDirectory("engram-scale-");
            }
            java.util.List<dev.engram.bench.scale.ScaleBench.Checkpoint> checkpoints;
            try (Engram engram = Engram.open(dataDir, EngramConfig.load(dataDir), Progress.NONE, Clock.systemUTC());
                 ServerMain.Running server = ServerMain.start(engram, ServerSettings.loopback(0))) {
                checkpoints = new dev.engram.bench.scale.ScaleBench(engram.memory(), server.baseUri(), dataDir,
                        options.samples(), new dev.engram.bench.scale.Corpus(42, 20, 5, "org",
                                dev.engram.bench.scale.Corpus.Replies.valueOf(options.replies().name())))
                        .withStages(new dev.engram.bench.scale.SearchStages(engram.episodeStore(), engram.embedder(),
                                EngramConfig.load(dataDir).search()))
                        .withSettling(java.time.Duration.ofSeconds(options.settleSeconds()))
                        .run(options.checkpoints(), BenchMain::progress);
            }
            // closed: Neo4j has checkpointed its page cache into the store files, H2 has compacted
            java.util.Map<String, Long> closed = dev.engram.bench.scale.DiskParts.of(dataDir);
            String cold = options.coldStart() ? ColdStart.measure(dataDir, 3) : null;
            out.println();
            out.println("Corpus: assistant replies " + options.replies().name().toLowerCase(java.util.Locale.ROOT) + ".");
            out.println(dev.engram.bench.scale.ScaleReport.markdown(checkpoints, cold));
            out.println(dev.engram.bench.scale.ScaleReport.diskAtClose(closed));
            out.printf("Machine: %d cores, %s %s, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                    Instant.now());
            out.flush();
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
