package dev.engram.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on the REST API over loopback: {@code clients} concurrent clients, each
 * alternating an add of one realistic message and a search, for {@code seconds}. Clients are
 * spread over four projects so that writers to one project contend as they would in use.
 */
public final class ApiLoad {
    /** What a run measured. */
    public record Result(int clients, double seconds, long adds, long searches, long errors, Latencies add,
                         Latencies search) {
        public double throughput() {
            return (adds + searches) / seconds;
        }

        public String markdown() {
            return String.format("""
                    | operation | requests | per second | p50 ms | p95 ms | p99 ms |
                    |---|---|---|---|---|---|
                    | add (1 message) | %d | %.1f | %.1f | %.1f | %.1f |
                    | search (top_k 10) | %d | %.1f | %.1f | %.1f | %.1f |
                    | all | %d | %.1f | | | |

                    %d clients, %.0f s, errors: %d""",
                    adds, adds / seconds, add.percentileMillis(0.5), add.percentileMillis(0.95), add.percentileMillis(0.99),
                    searches, searches / seconds, search.percentileMillis(0.5), search.percentileMillis(0.95),
                    search.percentileMillis(0.99), adds + searches, throughput(), clients, seconds, errors);
        }
    }

    private static final String[] SUBJECTS = {"I", "My sister", "My manager", "Our team", "My doctor", "My partner"};
    private static final String[] VERBS = {"booked", "cancelled", "moved", "planned", "forgot", "finished"};
    private static final String[] OBJECTS = {"the flight to Lisbon", "a dentist appointment", "the quarterly report",
            "dinner at the Thai place", "a hiking trip in the Alps", "the piano lesson", "the car service",
            "a birthday party for Sam", "the marathon training plan", "the kitchen renovation"};
    private static final String[] WHEN = {"for next Tuesday", "yesterday", "for the weekend", "this morning",
            "for March", "last week"};
    private static final String[] QUERIES = {"when is the flight", "dentist", "what did my manager ask",
            "weekend plans", "birthday party", "training plan", "renovation status", "piano"};

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiLoad(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public Result run(int clients, Duration duration, String org) throws InterruptedException {
        Latencies add = new Latencies();
        Latencies search = new Latencies();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    Random random = new Random(client);
                    String project = "load-" + (client % 4);
                    while (System.nanoTime() < deadline) {
                        time(add, errors, "/api/v2/memories", addBody(org, project, client, random));
                        time(search, errors, "/api/v2/memories/search", searchBody(org, project, random));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.incrementAndGet();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(clients, seconds, add.count(), search.count(), errors.get(), add, search);
    }

    private void time(Latencies latencies, AtomicLong errors, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
                return;
            }
        } catch (java.io.IOException e) {
            errors.incrementAndGet();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        latencies.record((System.nanoTime() - start) / 1_000);
    }

    private static String addBody(String org, String project, int client, Random random) {
        String sentence = pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS) + " "
                + pick(random, WHEN) + ".";
        return "{\"org_id\":\"" + org + "\",\"project_id\":\"" + project + "\",\"messages\":[{\"content\":\""
                + sentence + "\",\"producer\":\"user-" + client + "\",\"role\":\"user\"}]}";
    }

    private static String searchBody(String org, String project, Random random) {
        return "{\"org_id\":\"" + org + "\",\"project_id\":\"" + project + "\",\"query\":\"" + pick(random, QUERIES)
                + "\",\"top_k\":10}";
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
