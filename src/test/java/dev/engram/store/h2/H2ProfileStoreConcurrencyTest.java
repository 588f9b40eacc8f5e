package dev.engram.store.h2;

import static dev.engram.store.h2.Fixtures.fact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.core.episode.PageRequest;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ProfileStoreConcurrencyTest {
    private static final Scope SCOPE = Scope.of("acme", "busy");

    @TempDir
    Path dir;

    @Test
    void concurrentUpdatesOfOneFactAreSerializedIntoOneChainOfVersions() throws Exception {
        try (H2Database database = H2Database.open(dir);
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            H2ProfileStore store = new H2ProfileStore(database);
            ProfileFact fact = store.add(SCOPE, fact("counter", "start"), "x", null, "user");
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.update(SCOPE, fact.id(), FactPatch.value("t" + t + "-" + i), "x", null, "user");
                        store.add(SCOPE, fact("f" + t + "-" + i, "v"), "x", null, "user");
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }

            List<FactVersion> versions = store.versions(SCOPE, fact.id());
            List<FactChange> history = store.history(SCOPE, fact.id());
            assertThat(versions).hasSize(100);
            assertThat(history).hasSize(101);
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).before().value()).as("each update saw the one before it")
                        .isEqualTo(history.get(i - 1).after().value());
                assertThat(versions.get(i - 1).value()).isEqualTo(history.get(i).before().value());
            }
            assertThat(store.get(SCOPE, fact.id()).orElseThrow().value()).isEqualTo(history.getLast().after().value());
            assertThat(store.list(SCOPE, Filter.all(), new PageRequest(1000, 0), false)).hasSize(101);
        }
    }
}
