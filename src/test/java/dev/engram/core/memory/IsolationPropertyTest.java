package dev.engram.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.core.NotFoundException;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Order;
import dev.engram.core.episode.PageRequest;
import dev.engram.core.episode.ScoredEpisode;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.ScoredFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterEvaluator;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Filters;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of randomized memories in random orgs, projects and producers; randomized lists,
 * counts, searches and filters. Listings must equal the reference evaluation of the filter over
 * exactly the asked scope; searches must return nothing outside it.
 */
class IsolationPropertyTest {
    private static final long SEED = 20261123L;
    private static final String[] PRODUCERS = {"alice", "bob", "carol", "dan", "eve@example.com"};
    private static final String[] TOPICS = {"travel", "food", "work", "health", "it's"};
    private static final String[] WORDS = {"beach", "pizza", "deadline", "doctor", "flight", "salad", "meeting",
            "running", "museum", "coffee", "hiking", "budget"};
    private static final String[] TAGS = {"Food", "Travel", "Work", "Health"};
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static MemoryService memory;
    static List<Scope> scopes = new ArrayList<>();
    static Map<Scope, List<Episode>> episodes = new HashMap<>();
    static Map<Scope, List<ProfileFact>> facts = new HashMap<>();

    @BeforeAll
    static void populate() {
        memory = SharedEngram.get().memory();
        Random random = new Random(SEED);
        String run = SharedEngram.uniqueOrg("iso");
        for (String org : List.of(run + "-a", run + "-b", run + "-c")) {
            for (String project : List.of("p", "p-1", "p:1", "prj_ü")) {
                scopes.add(Scope.of(org, project));
            }
        }
        for (int batch = 0; batch < 120; batch++) {
            Scope scope = scopes.get(random.nextInt(scopes.size()));
            List<NewEpisode> messages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                messages.add(randomEpisode(random));
            }
            episodes.computeIfAbsent(scope, s -> new ArrayList<>()).addAll(memory.episodes().add(scope, messages));
        }
        for (int i = 0; i < 400; i++) {
            Scope scope = scopes.get(random.nextInt(scopes.size()));
            String producer = random.nextBoolean() ? PRODUCERS[random.nextInt(PRODUCERS.length)] : null;
            String setId = producer == null ? SetIds.projectSet(scope) : SetIds.userSet(scope, producer);
            Map<String, String> meta = random.nextBoolean() ? Map.of("topic", pick(random, TOPICS)) : Map.of();
            NewFact fact = new NewFact(setId, producer, "profile", pick(random, TAGS), "likes_" + pick(random, WORDS),
                    "enjoys " + pick(random, WORDS) + " and " + pick(random, WORDS), FactSource.API, List.of(), meta);
            facts.computeIfAbsent(scope, s -> new ArrayList<>()).add(memory.profile().add(scope, fact, "test"));
        }
    }

    private static NewEpisode randomEpisode(Random random) {
        String producer = pick(random, PRODUCERS);
        String producedFor = random.nextInt(4) == 0 ? null : pick(random, PRODUCERS);
        Map<String, String> meta = new HashMap<>();
        if (random.nextBoolean()) {
            meta.put("topic", pick(random, TOPICS));
        }
        if (random.nextBoolean()) {
            meta.put("n", Integer.toString(random.nextInt(100)));
        }
        String content = "I talked about " + pick(random, WORDS) + " and " + pick(random, WORDS) + " today";
        return new NewEpisode(producer, producedFor, random.nextBoolean() ? "user" : "assistant", content,
                T0.plusSeconds(random.nextInt(1_000_000)), meta);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    // --- random filters, as users write them ------------------------------------------------

    private static String randomFilter(Random random, int depth) {
        if (depth > 0 && random.nextInt(3) == 0) {
            String op = random.nextBoolean() ? " AND " : " OR ";
            String inner = "(" + randomFilter(random, depth - 1) + op + randomFilter(random, depth - 1) + ")";
            return random.nextInt(5) == 0 ? "NOT " + inner : inner;
        }
        return switch (random.nextInt(9)) {
            case 0 -> "producer = '" + pick(random, PRODUCERS) + "'";
            case 1 -> "produced_for " + (random.nextBoolean() ? "IS NULL" : "IN ('" + pick(random, PRODUCERS) + "', 'bob')");
            case 2 -> "role != 'user'";
            case 3 -> "m.topic = '" + pick(random, TOPICS).replace("'", "''") + "'";
            case 4 -> "m.n " + pick(random, new String[] {"<", ">=", "="}) + " " + random.nextInt(100);
            case 5 -> "created_at " + (random.nextBoolean() ? "<" : ">=") + " date('"
                    + T0.plusSeconds(random.nextInt(1_000_000)) + "')";
            case 6 -> "m.topic IS " + (random.nextBoolean() ? "NOT " : "") + "NULL";
            case 7 -> "producer_id NOT IN ('alice', '" + pick(random, PRODUCERS) + "')";
            default -> "uid > 0";
        };
    }

    private static String randomFactFilter(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "tag = '" + pick(random, TAGS) + "'";
            case 1 -> "producer = '" + pick(random, PRODUCERS) + "'";
            case 2 -> "m.topic IS NOT NULL AND tag IN ('Food', 'Work')";
            case 3 -> "feature = 'likes_" + pick(random, WORDS) + "' OR category = 'profile'";
            default -> "producer IS NULL";
        };
    }

    private static Object episodeValue(Episode e, FilterField field) {
        if (field.isMetadata()) {
            return e.metadata().get(field.metadataKey());
        }
        return switch (field.system()) {
            case UID -> e.uid();
            case PRODUCER -> e.producer();
            case PRODUCED_FOR -> e.producedFor();
            case ROLE -> e.role();
            case EPISODE_TYPE -> e.episodeType();
            case CREATED_AT -> e.createdAt();
            default -> throw new IllegalArgumentException(field.toString());
        };
    }

    private static Object factValue(ProfileFact f, FilterField field) {
        if (field.isMetadata()) {
            return f.metadata().get(field.metadataKey());
        }
        return switch (field.system()) {
            case PRODUCER -> f.producer();
            case SET_ID -> f.setId();
            case CATEGORY -> f.category();
            case TAG -> f.tag();
            case FEATURE -> f.feature();
            case VALUE -> f.value();
            case CREATED_AT -> f.createdAt();
            case UPDATED_AT -> f.updatedAt();
            default -> throw new IllegalArgumentException(field.toString());
        };
    }

    private static Scope randomScope(Random random) {
        return random.nextInt(10) == 0 ? Scope.of("nobody-" + random.nextInt(3), "p") : scopes.get(random.nextInt(scopes.size()));
    }

    @Test
    void listingsAndCountsEqualTheFilterOverExactlyTheAskedScope() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 300; i++) {
            Scope scope = randomScope(random);
            String expression = randomFilter(random, 3);
            Filter filter = FilterParser.parse(expression);
            List<Long> expected = episodes.getOrDefault(scope, List.of()).stream()
                    .filter(e -> FilterEvaluator.matches(filter, field -> episodeValue(e, field)))
                    .sorted(Comparator.comparing(Episode::createdAt).thenComparingLong(Episode::uid))
                    .map(Episode::uid).toList();
            ListOutcome listed = memory.list(new ListQuery(scope, filter, new PageRequest(5_000, 0),
                    Set.of(MemoryType.EPISODIC), Order.OLDEST_FIRST));
            assertThat(listed.episodes()).as("scope %s filter %s", scope, expression)
                    .allSatisfy(e -> assertThat(e.scope()).isEqualTo(scope))
                    .extracting(Episode::uid).containsExactlyElementsOf(expected);
            assertThat(memory.countEpisodes(scope, filter)).as(expression).isEqualTo(expected.size());
        }
    }

    @Test
    void factListingsEqualTheFilterOverExactlyTheAskedScope() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 200; i++) {
            Scope scope = randomScope(random);
            String expression = randomFactFilter(random);
            Filter filter = FilterParser.parse(expression);
            Filter semantic = Filters.restrictTo(filter, MemoryType.SEMANTIC);
            List<Long> expected = facts.getOrDefault(scope, List.of()).stream()
                    .filter(f -> FilterEvaluator.matches(semantic, field -> factValue(f, field)))
                    .sorted(Comparator.comparing(ProfileFact::createdAt).thenComparingLong(ProfileFact::id))
                    .map(ProfileFact::id).toList();
            ListOutcome listed = memory.list(new ListQuery(scope, filter, new PageRequest(5_000, 0),
                    Set.of(MemoryType.SEMANTIC), Order.OLDEST_FIRST));
            assertThat(listed.facts()).as("scope %s filter %s", scope, expression)
                    .extracting(ProfileFact::id).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void searchesNeverReturnAnotherScopesMemories() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < 150; i++) {
            Scope scope = randomScope(random);
            String expression = random.nextBoolean() ? "" : randomFilter(random, 2);
            Filter filter = FilterParser.parse(expression);
            String query = pick(random, WORDS) + " " + pick(random, WORDS);
            int topK = 1 + random.nextInt(30);
            int expand = random.nextInt(4);
            Set<MemoryType> types = Set.of();
            if (mixesTypes(filter)) {
                // a condition joining episode-only and fact-only fields under OR/NOT cannot apply to facts
                assertThatThrownBy(() -> memory.search(new SearchQuery(scope, query, topK, filter, expand, null, Set.of())))
                        .isInstanceOf(dev.engram.core.InvalidInputException.class).hasMessageContaining("types");
                types = Set.of(MemoryType.EPISODIC);
            }
            SearchOutcome found = memory.search(new SearchQuery(scope, query, topK, filter, expand, null, types));
            Filter episodic = Filters.restrictTo(filter, MemoryType.EPISODIC);
            Filter semantic = types.isEmpty() ? Filters.restrictTo(filter, MemoryType.SEMANTIC) : Filter.all();
            assertThat(found.episodes()).as("scope %s filter %s", scope, expression).allSatisfy(hit -> {
                assertThat(hit.episode().scope()).isEqualTo(scope);
                assertThat(FilterEvaluator.matches(episodic, f -> episodeValue(hit.episode(), f))).isTrue();
            });
            assertThat(found.facts()).allSatisfy(hit -> {
                assertThat(hit.fact().scope()).isEqualTo(scope);
                assertThat(FilterEvaluator.matches(semantic, f -> factValue(hit.fact(), f))).isTrue();
            });
            if (!episodes.getOrDefault(scope, List.of()).isEmpty() && expression.isEmpty()) {
                assertThat(found.episodes()).as("an unfiltered search of a populated scope finds something").isNotEmpty();
            }
        }
    }

    private static boolean mixesTypes(Filter filter) {
        try {
            Filters.restrictTo(filter, MemoryType.SEMANTIC);
            return false;
        } catch (dev.engram.core.InvalidInputException e) {
            return true;
        }
    }

    @Test
    void idsFromAnotherScopeAreNotFoundAndCannotBeChanged() {
        Random random = new Random(SEED + 4);
        for (int i = 0; i < 50; i++) {
            Scope owner = scopes.get(random.nextInt(scopes.size()));
            Scope other = scopes.get(random.nextInt(scopes.size()));
            if (owner.equals(other) || !episodes.containsKey(owner) || !facts.containsKey(owner)) {
                continue;
            }
            Episode episode = episodes.get(owner).get(random.nextInt(episodes.get(owner).size()));
            ProfileFact fact = facts.get(owner).get(random.nextInt(facts.get(owner).size()));
            Supplier<Object> readEpisode = () -> memory.episodes().get(other, episode.uid());
            assertThatThrownBy(readEpisode::get).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> memory.episodes().edit(other, episode.uid(), "hijacked"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> memory.deleteEpisodes(other, List.of(episode.uid()), "test"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> memory.profile().get(other, fact.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> memory.profile().archive(other, fact.id(), "test")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> memory.profile().delete(other, List.of(fact.id()), "test"))
                    .isInstanceOf(NotFoundException.class);
            assertThat(memory.episodes().get(owner, episode.uid()).content()).isEqualTo(episode.content());
            assertThat(memory.profile().get(owner, fact.id())).isEqualTo(fact);
        }
    }

    @Test
    void scoredSearchResultsCarryAScore() {
        Scope scope = episodes.keySet().iterator().next();
        SearchOutcome found = memory.search(SearchQuery.of(scope, "beach pizza", 5));
        assertThat(found.episodes()).isNotEmpty().extracting(ScoredEpisode::score).allMatch(s -> s > 0 && s <= 1);
        assertThat(found.facts()).extracting(ScoredFact::score).allMatch(s -> s >= -1 && s <= 1);
    }
}
