package dev.engram.store.h2;

import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.scope.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Facts and scopes for tests: each test takes fresh scopes so tests can share one database. */
final class Fixtures {
    private static final AtomicInteger SCOPES = new AtomicInteger();

    private Fixtures() {
    }

    static Scope freshScope() {
        return Scope.of("org-" + SCOPES.incrementAndGet(), "project");
    }

    static NewFact fact(String feature, String value) {
        return fact(feature, value, List.of(), Map.of());
    }

    static NewFact fact(String feature, String value, List<Long> citations, Map<String, String> metadata) {
        return new NewFact("set-main", "alice", "profile", "Preferences", feature, value, FactSource.USER,
                citations, metadata);
    }

    static float[] vector(float... values) {
        return values;
    }
}
