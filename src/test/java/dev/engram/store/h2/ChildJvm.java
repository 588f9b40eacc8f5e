package dev.engram.store.h2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@link StoreProcess} in another JVM on the test class path and reads what it announces. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Path dir, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreProcess.class.getName(), dir.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new ChildJvm(process);
    }

    /** The next announced line (log lines are skipped), or null when the child ended. */
    String next() throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("open") || line.startsWith("committed ")) {
                return line;
            }
        }
        return null;
    }

    /** Sends one line to the child's stdin. */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Closes the child's stdin (a holder then closes the database and exits) and waits. */
    int finish() throws IOException, InterruptedException {
        process.getOutputStream().close();
        out.transferTo(java.io.Writer.nullWriter());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    /** SIGKILL: no shutdown hooks, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
