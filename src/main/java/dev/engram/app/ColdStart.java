package dev.engram.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from process start to a first answered search: {@code engram search} run as a new JVM on
 * the filled store, several times (the JVM, the stores, the model and the first query included).
 */
final class ColdStart {
    private ColdStart() {
    }

    static String measure(Path dataDir, int runs) throws IOException, InterruptedException {
        Path jar;
        try {
            jar = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            return "Cold start not measured: " + e.getMessage();
        }
        if (!jar.toString().endsWith(".jar")) {
            return "Cold start not measured: not running from the jar (build it, then run java -jar target/engram.jar bench scale).";
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        // the child JVMs get this one's memory options (bin/engram's and the launchers' -Xmx)
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:+Use")).toList();
        List<Double> search = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            version.add(run(command(java, jvm, jar, "--version")));
            search.add(run(command(java, jvm, jar, "search", "--data-dir", dataDir.toString(),
                    "--org", "org-0", "--project", "project-0", "when is the flight to Tokyo")));
        }
        return String.format("Process start to first answered search (`engram search` as a new JVM on this store): "
                + "median %.1f s (runs: %s); `engram --version`: median %.1f s.", median(search), search, median(version));
    }

    private static List<String> command(String java, List<String> jvm, Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    private static double run(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
        return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
