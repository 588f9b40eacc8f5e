package dev.engram.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.Progress;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.IngestChild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ingests and is killed with SIGKILL mid-stream. Every add that had returned must
 * be there after reopening, and the stores must open without any repair step.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void noAcknowledgedAddIsLostWhenTheProcessIsKilled() throws Exception {
        Path data = dir.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java,
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Dengram.logDir=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), IngestChild.class.getName(), data.toString())
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        Map<Long, String> episodes = new LinkedHashMap<>();
        Map<Long, String> facts = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && episodes.size() < 60) {
                String[] parts = line.split(" ", 3);
                if (parts[0].equals("episode")) {
                    episodes.put(Long.parseLong(parts[1]), parts[2]);
                } else if (parts[0].equals("fact")) {
                    facts.put(Long.parseLong(parts[1]), parts[2]);
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(episodes).hasSizeGreaterThanOrEqualTo(60);

        try (Engram reopened = Engram.open(data, EngramConfig.defaults(), Progress.NONE, Clock.systemUTC())) {
            Scope scope = Scope.of("crash", "test");
            for (Map.Entry<Long, String> e : episodes.entrySet()) {
                assertThat(reopened.memory().episodes().get(scope, e.getKey()).content()).isEqualTo(e.getValue());
            }
            for (Map.Entry<Long, String> f : facts.entrySet()) {
                ProfileFact fact = reopened.memory().profile().get(scope, f.getKey());
                assertThat(fact.value()).isEqualTo(f.getValue());
                assertThat(fact.citations()).hasSize(1);
            }
            assertThat(reopened.memory().countEpisodes(scope, Filter.all())).isGreaterThanOrEqualTo(episodes.size());
        }
    }
}
