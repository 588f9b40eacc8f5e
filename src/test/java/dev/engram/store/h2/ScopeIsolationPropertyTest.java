package dev.engram.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.profile.FactPatch;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random facts across organisations and projects (some with look-alike ids),
 * then random filters: every listed, counted or searched fact is in the asked scope and
 * matches the oracle, and ids of other scopes can be neither read nor changed. The seed is
 * random per run and printed in every failure; rerun with -Dengram.seed=<seed>.
 */
class ScopeIsolationPropertyTest {
    static final int FACTS = 3000;
    static final int FILTERS = 120;
    static final List<Scope> SCOPES = List.of(Scope.of("acme", "assistant"), Scope.of("acme", "billing"),
            Scope.of("globex", "assistant"), Scope.of("a", "b-c"), Scope.of("a-b", "c"), Scope.of("a", "b"));
    static final long SEED = Long.getLong("engram.seed", System.nanoTime());

    @TempDir
    static Path dir;
    static H2Database database;
    static H2ProfileStore store;
    static final Map<Long, ProfileFact> model = new LinkedHashMap<>();
    static final Map<Long, float[]> vectors = new HashMap<>();
    static Instant start;
    static Instant end;
    static Random random;

    @BeforeAll
    static void populate() {
        random = new Random(SEED);
        database = H2Database.open(dir);
        start = Instant.parse("2026-05-01T00:00:00.000001Z");
        MutableClock clock = new MutableClock(start);
        store = new H2ProfileStore(database, clock);
        RandomFilters words = new RandomFilters(random, List.of(), start, start);
        for (int i = 0; i < FACTS; i++) {
            Scope scope = SCOPES.get(random.nextInt(SCOPES.size()));
            String producer = words.pick(RandomFilters.PRODUCERS);
            float[] vector = random.nextInt(10) == 0 ? null : randomVector();
            clock.advance(Duration.ofMillis(random.nextInt(3) * 500L));
            ProfileFact fact = store.add(scope, newFact(words, scope, producer), "text " + i, vector, "test");
            model.put(fact.id(), fact);
            vectors.put(fact.id(), vector);
        }
        for (ProfileFact fact : List.copyOf(model.values())) {
            int dice = random.nextInt(10);
            clock.advance(Duration.ofMillis(random.nextInt(2) * 300L));
            if (dice == 0) {
                model.put(fact.id(), store.setStatus(fact.scope(), fact.id(), FactStatus.ARCHIVED, "test"));
            } else if (dice == 1) {
                float[] vector = randomVector();
                model.put(fact.id(), store.update(fact.scope(), fact.id(),
                        FactPatch.value(words.pick(RandomFilters.VALUES) + " v2"), "updated", vector, "test"));
                vectors.put(fact.id(), vector);
            }
        }
        end = clock.instant();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static NewFact newFact(RandomFilters words, Scope scope, String producer) {
        Map<String, String> metadata = new HashMap<>();
        for (String key : RandomFilters.METADATA_KEYS) {
            if (random.nextInt(3) > 0) {
                metadata.put(key, words.pick(random.nextBoolean() ? RandomFilters.METADATA_TEXTS
                        : RandomFilters.METADATA_NUMBERS));
            }
        }
        List<Long> citations = Stream.generate(() -> (long) random.nextInt(40)).limit(random.nextInt(3)).toList();
        String setId = producer == null || random.nextInt(4) == 0 ? SetIds.projectSet(scope) : SetIds.userSet(scope, producer);
        return new NewFact(setId, producer, words.pick(RandomFilters.CATEGORIES), words.pick(RandomFilters.TAGS),
                words.pick(RandomFilters.FEATURES), words.pick(RandomFilters.VALUES), FactSource.LLM, citations, metadata);
    }

    private static float[] randomVector() {
        float[] vector = new float[4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = random.nextFloat() * 2 - 1;
        }
        return vector;
    }

    @Test
    void listCountAndSearchReturnOnlyTheScopesMatchingFacts() {
        List<String> setIds = model.values().stream().map(ProfileFact::setId).distinct().sorted().toList();
        RandomFilters filters = new RandomFilters(random, setIds, start, end);
        int nonEmpty = 0;
        for (int i = 0; i < FILTERS; i++) {
            Filter filter = filters.next();
            for (Scope scope : SCOPES) {
                boolean includeArchived = random.nextBoolean();
                String context = "seed " + SEED + ", scope " + scope + ", archived " + includeArchived + ", " + filter;
                List<ProfileFact> expected = expected(scope, filter, includeArchived);
                List<ProfileFact> listed = store.list(scope, filter, new PageRequest(PageRequest.MAX_SIZE, 0), includeArchived);

                assertThat(listed).as(context).allSatisfy(f -> assertThat(f.scope()).isEqualTo(scope));
                assertThat(listed).as(context).containsExactlyElementsOf(expected);
                assertThat(store.count(scope, filter, includeArchived)).as(context).isEqualTo(expected.size());
                PageRequest page = new PageRequest(1 + random.nextInt(40), random.nextInt(4));
                assertThat(store.list(scope, filter, page, includeArchived)).as(context + ", " + page)
                        .containsExactlyElementsOf(slice(expected, page));
                assertSearch(scope, filter, context);
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("seed " + SEED + ": the filters should select something").isGreaterThan(FILTERS);
    }

    private static void assertSearch(Scope scope, Filter filter, String context) {
        float[] query = randomVector();
        int topK = 1 + random.nextInt(25);
        List<Long> expected = model.values().stream()
                .filter(f -> f.scope().equals(scope) && f.status() == FactStatus.ACTIVE && vectors.get(f.id()) != null)
                .filter(f -> FilterOracle.matches(filter, f))
                .sorted(Comparator.comparingDouble((ProfileFact f) -> Vectors.cosine(query, vectors.get(f.id())))
                        .reversed().thenComparingLong(ProfileFact::id))
                .limit(topK).map(ProfileFact::id).toList();
        List<ScoredFact> hits = store.search(scope, query, filter, topK);
        assertThat(hits).as(context + ", search").allSatisfy(hit -> {
            assertThat(hit.fact().scope()).isEqualTo(scope);
            assertThat(hit.fact()).isEqualTo(model.get(hit.fact().id()));
        });
        assertThat(hits).as(context + ", search").extracting(hit -> hit.fact().id()).containsExactlyElementsOf(expected);
    }

    @Test
    void idsOfOtherScopesCanNeitherBeReadNorChanged() {
        List<ProfileFact> all = List.copyOf(model.values());
        for (int i = 0; i < 300; i++) {
            ProfileFact victim = all.get(random.nextInt(all.size()));
            Scope intruder = other(victim.scope());
            String context = "seed " + SEED + ", fact " + victim.id() + " of " + victim.scope() + " from " + intruder;
            assertThat(store.get(intruder, victim.id())).as(context).isEmpty();
            assertThat(store.history(intruder, victim.id())).as(context).isEmpty();
            assertThat(store.versions(intruder, victim.id())).as(context).isEmpty();
            assertThatThrownBy(() -> store.update(intruder, victim.id(), FactPatch.value("pwned"), "pwned", null, "x"))
                    .as(context).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.setStatus(intruder, victim.id(), FactStatus.ARCHIVED, "x"))
                    .as(context).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.setStatus(intruder, victim.id(), FactStatus.ACTIVE, "x"))
                    .as(context).isInstanceOf(NotFoundException.class);
            ProfileFact own = all.stream().filter(f -> f.scope().equals(intruder)).findAny().orElseThrow();
            assertThatThrownBy(() -> store.delete(intruder, List.of(own.id(), victim.id()), "x"))
                    .as(context).isInstanceOf(NotFoundException.class)
                    .hasMessage("Fact " + victim.id() + " does not exist in " + intruder.key());
            if (!victim.citations().isEmpty()) {
                List<ProfileFact> citing = model.values().stream().filter(f -> f.scope().equals(intruder))
                        .filter(f -> f.citations().stream().anyMatch(victim.citations()::contains)).toList();
                assertThat(store.removeCitations(intruder, victim.citations(), "x")).as(context)
                        .isEqualTo(citing.size());
                citing.forEach(f -> model.put(f.id(), withoutCitations(f, victim.citations())));
            }
        }
        for (Scope scope : SCOPES) {
            List<ProfileFact> expected = model.values().stream().filter(f -> f.scope().equals(scope))
                    .sorted(Comparator.comparing(ProfileFact::createdAt).thenComparingLong(ProfileFact::id)).toList();
            assertThat(store.list(scope, Filter.all(), new PageRequest(PageRequest.MAX_SIZE, 0), true))
                    .as("seed " + SEED + ": nothing of " + scope + " changed").containsExactlyElementsOf(expected);
        }
    }

    private static ProfileFact withoutCitations(ProfileFact f, List<Long> removed) {
        return new ProfileFact(f.id(), f.scope(), f.setId(), f.producer(), f.category(), f.tag(), f.feature(),
                f.value(), f.status(), f.validFrom(), f.validTo(), f.createdAt(), f.updatedAt(), f.source(),
                f.citations().stream().filter(uid -> !removed.contains(uid)).toList(), f.metadata());
    }

    private static Scope other(Scope scope) {
        List<Scope> others = SCOPES.stream().filter(s -> !s.equals(scope)).toList();
        return others.get(random.nextInt(others.size()));
    }

    private static List<ProfileFact> expected(Scope scope, Filter filter, boolean includeArchived) {
        return model.values().stream()
                .filter(f -> f.scope().equals(scope))
                .filter(f -> includeArchived || f.status() == FactStatus.ACTIVE)
                .filter(f -> FilterOracle.matches(filter, f))
                .sorted(Comparator.comparing(ProfileFact::createdAt).thenComparingLong(ProfileFact::id))
                .toList();
    }

    private static List<ProfileFact> slice(List<ProfileFact> all, PageRequest page) {
        int from = (int) Math.min(all.size(), page.offset());
        return new ArrayList<>(all.subList(from, Math.min(all.size(), from + page.size())));
    }
}
