package dev.engram.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.app.Engram;
import dev.engram.app.EngramConfig;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import dev.engram.support.FakeOllama;
import dev.engram.support.SharedEngram;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background fact extraction on real stores against a server speaking Ollama's protocol:
 * scripted answers become facts with citations; contradictions supersede; duplicates change
 * nothing; bad output is retried then parked; an absent Ollama leaves the queue intact.
 */
class ExtractionTest {
    static final String MODEL = "qwen3:4b";
    static final ExtractionSettings SETTINGS = new ExtractionSettings(true, 5, Duration.ofMinutes(5), 5, 3,
            Duration.ofMillis(10), 4, Duration.ofMillis(50));

    @TempDir
    static Path dir;
    static Engram engram;
    static MemoryService memory;

    @BeforeAll
    static void open() {
        engram = Engram.open(dir, EngramConfig.defaults().withExtraction(SETTINGS), Progress.NONE, Clock.systemUTC());
        memory = engram.memory();
    }

    @AfterAll
    static void close() {
        engram.close();
    }

    static Scope scope(String project) {
        return Scope.of(SharedEngram.uniqueOrg("extract"), project);
    }

    static void useOllama(String url) {
        engram.setModels(new ModelSettings(url, "", MODEL, Duration.ofSeconds(2)));
    }

    static List<Episode> say(Scope scope, String producer, String role, String... lines) {
        List<NewEpisode> batch = new ArrayList<>();
        Instant at = Instant.parse("2026-03-02T19:01:00Z");
        for (String line : lines) {
            batch.add(new NewEpisode(producer, "bot", role, line, at, Map.of()));
            at = at.plusSeconds(60);
        }
        return memory.episodes().add(scope, batch);
    }

    static String commands(String... commands) {
        return "{\"commands\": [" + String.join(", ", commands) + "]}";
    }

    static String add(String tag, String feature, String value) {
        return "{\"command\": \"add\", \"tag\": \"" + tag + "\", \"feature\": \"" + feature + "\", \"value\": \"" + value + "\"}";
    }

    static String update(String tag, String feature, String value) {
        return add(tag, feature, value).replace("\"add\"", "\"update\"");
    }

    static List<ProfileFact> facts(Scope scope, String producer) {
        return memory.profile().active(scope, SetIds.userSet(scope, producer), dev.engram.core.profile.BuiltInCategories.PROFILE_NAME);
    }

    @Test
    void scriptedAnswersBecomeFactsCitingTheMessagesTheyCameFrom() throws Exception {
        Scope scope = scope("food");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            List<Episode> alice = say(scope, "alice", "user", "I'm allergic to peanuts", "and I love ramen");
            say(scope, "bot", "assistant", "Noted, no peanuts!");
            ollama.reply(FakeOllama.Reply.of(commands(add("Health & Wellness", "allergy", "peanuts"),
                    add("Hobbies & Interests", "favourite food", "ramen"))));

            ExtractionWorker.Pass pass = memory.extraction().runNow(scope);

            assertThat(pass.added()).isEqualTo(2);
            assertThat(facts(scope, "alice")).extracting(ProfileFact::feature, ProfileFact::value, ProfileFact::producer)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("allergy", "peanuts", "alice"),
                            org.assertj.core.groups.Tuple.tuple("favourite_food", "ramen", "alice"));
            assertThat(facts(scope, "alice")).allSatisfy(f -> assertThat(f.citations())
                    .containsExactlyInAnyOrderElementsOf(alice.stream().map(Episode::uid).toList()));
            assertThat(facts(scope, "bot")).isEmpty(); // the assistant's messages are not queued
            JsonNode request = ollama.requests().getFirst();
            assertThat(request.path("format").path("properties").path("commands").path("items")
                    .path("properties").path("tag").path("enum").toString()).contains("Health & Wellness");
            assertThat(FakeOllama.messages(request).get(1))
                    .contains("[Monday, March 02, 2026 at 07:01 PM] alice: \"I'm allergic to peanuts\"")
                    .doesNotContain("Noted, no peanuts");
            assertThat(memory.extraction().status(scope).pending()).isZero();
            assertThat(memory.extraction().status(scope).lastRun()).isNotNull();
        }
    }

    @Test
    void aContradictionSupersedesTheOldValueKeepingItsHistory() throws Exception {
        Scope scope = scope("diet");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            say(scope, "alice", "user", "I eat everything, steak is my favourite");
            ollama.reply(FakeOllama.Reply.of(commands(add("Health & Wellness", "diet", "eats meat"))));
            memory.extraction().runNow(scope);
            List<Episode> later = say(scope, "alice", "user", "Since January I'm vegetarian");
            ollama.reply(FakeOllama.Reply.of(commands(update("Health & Wellness", "diet", "vegetarian"))));

            ExtractionWorker.Pass pass = memory.extraction().runNow(scope);

            assertThat(pass.updated()).isEqualTo(1);
            ProfileFact diet = facts(scope, "alice").getFirst();
            assertThat(diet.value()).isEqualTo("vegetarian");
            assertThat(diet.citations()).contains(later.getFirst().uid());
            assertThat(memory.profile().versions(scope, diet.id())).singleElement()
                    .satisfies(v -> assertThat(v.value()).isEqualTo("eats meat"));
            assertThat(memory.profile().history(scope, diet.id())).extracting(FactChange::actor)
                    .containsExactly("extraction", "extraction");
            assertThat(FakeOllama.messages(ollama.requests().getLast()).get(1)).contains("\"diet\": \"eats meat\"");
        }
    }

    @Test
    void exactAndNormalizedDuplicatesChangeNothing() throws Exception {
        Scope scope = scope("dupes");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            say(scope, "alice", "user", "I live in Porto");
            ollama.reply(FakeOllama.Reply.of(commands(add("Geographic & Cultural Context", "home city", "Porto"))));
            memory.extraction().runNow(scope);
            ProfileFact before = facts(scope, "alice").getFirst();
            say(scope, "alice", "user", "Porto is home, as I said");
            ollama.reply(FakeOllama.Reply.of(commands(add("Geographic & Cultural Context", "home_city", "  porto. "),
                    add("Geographic & Cultural Context", "city", "PORTO"))));

            ExtractionWorker.Pass pass = memory.extraction().runNow(scope);

            assertThat(pass.added()).isZero();
            assertThat(pass.updated()).isZero();
            assertThat(facts(scope, "alice")).containsExactly(before);
            assertThat(memory.profile().history(scope, before.id())).hasSize(1);
        }
    }

    @Test
    void invalidOutputIsRetriedThenTheBatchIsMarkedFailedWithoutALoop() throws Exception {
        Scope scope = scope("broken");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            List<Episode> said = say(scope, "alice", "user", "I have two cats");
            for (int i = 0; i < 3; i++) {
                ollama.reply(FakeOllama.Reply.of("Sure! {commands: oops"));
            }

            ExtractionWorker.Pass pass = memory.extraction().runNow(scope);

            assertThat(pass.failedBatches()).isEqualTo(1);
            assertThat(ollama.requests()).hasSize(3);
            ExtractionStatus status = memory.extraction().status(scope);
            assertThat(status.pending()).isZero();
            assertThat(status.failed()).singleElement().satisfies(batch -> {
                assertThat(batch.episodeUids()).containsExactly(said.getFirst().uid());
                assertThat(batch.error()).contains("gave up after 3 attempts").contains("not valid JSON");
            });
            assertThat(status.lastError()).contains("not valid JSON");

            memory.extraction().runNow(scope); // a failed batch is not tried again by itself
            assertThat(ollama.requests()).hasSize(3);

            ollama.reply(FakeOllama.Reply.of(commands(add("Relationship & Family Context", "pets", "two cats"))));
            assertThat(memory.extraction().retryFailed(scope)).isEqualTo(1);
            memory.extraction().runNow(scope);
            assertThat(facts(scope, "alice")).extracting(ProfileFact::value).containsExactly("two cats");
            assertThat(memory.extraction().status(scope).failed()).isEmpty();
        }
    }

    @Test
    void aRefusedConnectionOrATimeoutLeavesTheQueueIntactAndItResumes() throws Exception {
        Scope scope = scope("offline");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        useOllama("http://127.0.0.1:" + closedPort);
        say(scope, "alice", "user", "I run every morning");

        ExtractionWorker.Pass refused = memory.extraction().runNow(scope);

        assertThat(refused.waitingFor()).contains("not running");
        assertThat(memory.extraction().status(scope)).satisfies(s -> {
            assertThat(s.pending()).isEqualTo(1);
            assertThat(s.worker()).isEqualTo("waiting");
            assertThat(s.failed()).isEmpty();
        });
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            ollama.reply(FakeOllama.Reply.slow(Duration.ofSeconds(4), commands(add("Health & Wellness", "exercise", "runs"))));
            ExtractionWorker.Pass timedOut = memory.extraction().runNow(scope); // the model answers after the 2 s timeout
            assertThat(timedOut.waitingFor()).contains("did not");
            assertThat(memory.extraction().status(scope).pending()).isEqualTo(1);

            ollama.reply(FakeOllama.Reply.of(commands(add("Health & Wellness", "exercise", "runs every morning"))));
            ExtractionWorker.Pass resumed = memory.extraction().runNow(scope);
            assertThat(resumed.added()).isEqualTo(1);
            assertThat(memory.extraction().status(scope)).satisfies(s -> {
                assertThat(s.pending()).isZero();
                assertThat(s.worker()).isEqualTo("idle");
            });
        }
    }

    @Test
    void usersOfOneProjectGetSeparateProfiles() throws Exception {
        Scope scope = scope("shared");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            say(scope, "alice", "user", "I'm a nurse");
            say(scope, "bob", "user", "I'm a pilot");
            ollama.reply(FakeOllama.Reply.of(commands(add("Career & Work Preferences", "job", "nurse"))));
            ollama.reply(FakeOllama.Reply.of(commands(add("Career & Work Preferences", "job", "pilot"))));

            memory.extraction().runNow(scope);

            assertThat(ollama.requests()).hasSize(2);
            assertThat(FakeOllama.messages(ollama.requests().get(0)).get(1)).contains("nurse").doesNotContain("pilot");
            assertThat(facts(scope, "alice")).extracting(ProfileFact::value).containsExactly("nurse");
            assertThat(facts(scope, "bob")).extracting(ProfileFact::value).containsExactly("pilot");
        }
    }

    @Test
    void aSetIsExtractedOnceItHasEnoughMessagesOrWhenAsked() throws Exception {
        Scope scope = scope("triggers");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            say(scope, "alice", "user", "one", "two", "three", "four");
            assertThat(engram.memory().extraction().status(scope).pending()).isEqualTo(4);
            assertThat(memory.extraction().runDue().batches()).isZero(); // 4 < 5 messages, and none is 5 minutes old

            say(scope, "alice", "user", "five");
            ollama.reply(FakeOllama.Reply.of(commands()));
            assertThat(memory.extraction().runDue().batches()).isEqualTo(1);
            assertThat(memory.extraction().status(scope).pending()).isZero();
        }
    }

    @Test
    void aCrowdedTagIsConsolidatedKeepingCitationsAndHistory() throws Exception {
        Scope scope = scope("crowded");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            List<Episode> said = say(scope, "alice", "user", "I like jazz", "and blues", "and soul", "I listen to The Daily");
            ollama.reply(FakeOllama.Reply.of(commands(add("Media Consumption Habits", "music 1", "jazz"),
                    add("Media Consumption Habits", "music 2", "blues"), add("Media Consumption Habits", "music 3", "soul"),
                    add("Media Consumption Habits", "podcast", "The Daily"))));
            // The consolidation answer depends on the ids extraction just created: it reads them from the prompt.
            ollama.respondWith(request -> {
                Matcher ids = Pattern.compile("\\{\"id\": (\\d+), \"feature\": \"([a-z_0-9]+)\"")
                        .matcher(FakeOllama.messages(request).get(1));
                List<String> music = new ArrayList<>();
                String podcast = null;
                while (ids.find()) {
                    if (ids.group(2).startsWith("music")) {
                        music.add(ids.group(1));
                    } else {
                        podcast = ids.group(1);
                    }
                }
                return FakeOllama.Reply.of("{\"consolidated\": [{\"feature\": \"music\", \"value\": \"jazz, blues and soul\","
                        + " \"sources\": [" + String.join(", ", music) + "]}], \"keep\": [" + podcast + "]}");
            });

            memory.extraction().runNow(scope);

            assertThat(ollama.requests()).hasSize(2);
            assertThat(FakeOllama.messages(ollama.requests().get(1)).getFirst()).contains("Media Consumption Habits");
            List<ProfileFact> now = facts(scope, "alice");
            assertThat(now).extracting(ProfileFact::feature, ProfileFact::value).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("podcast", "The Daily"),
                    org.assertj.core.groups.Tuple.tuple("music", "jazz, blues and soul"));
            assertThat(now.get(1).citations()).containsExactlyInAnyOrderElementsOf(said.stream().map(Episode::uid).toList());
            List<ProfileFact> all = memory.profile().list(scope, true, 100);
            assertThat(all).filteredOn(f -> f.feature().startsWith("music_"))
                    .hasSize(3).allSatisfy(f -> assertThat(f.validTo()).isNotNull());
        }
    }

    @Test
    void aBadConsolidationAnswerRetiresNothing() throws Exception {
        Scope scope = scope("careful");
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            say(scope, "alice", "user", "I like tea, coffee, cocoa and mate");
            ollama.reply(FakeOllama.Reply.of(commands(add("Hobbies & Interests", "drink 1", "tea"),
                    add("Hobbies & Interests", "drink 2", "coffee"), add("Hobbies & Interests", "drink 3", "cocoa"),
                    add("Hobbies & Interests", "drink 4", "mate"))));
            ollama.respondWith(request -> FakeOllama.Reply.of("{\"consolidated\": [], \"keep\": []}"));

            memory.extraction().runNow(scope);

            assertThat(facts(scope, "alice")).hasSize(4);
            assertThat(ollama.requests()).hasSize(1 + SETTINGS.maxAttempts());
        }
    }

    @Test
    void theProfileScreenShowsWhatWaitsWhatFailedAndReloadsOnNewFacts() throws Exception {
        Scope scope = scope("screen");
        var preferences = dev.engram.ui.support.UiPreferences.inMemory();
        preferences.put("scope.org", scope.orgId());
        preferences.put("scope.project", scope.projectId());
        var view = new dev.engram.ui.profile.ExtractionViewModel(new dev.engram.ui.scope.ScopeModel(preferences), memory,
                dev.engram.ui.support.UiExecutors.direct(), java.time.ZoneOffset.UTC);
        List<String> reloads = new ArrayList<>();
        view.setOnNewFacts(() -> reloads.add("reload"));
        useOllama("http://127.0.0.1:9");
        say(scope, "alice", "user", "I have a dog called Rex");
        memory.extraction().runNow(scope);

        view.refresh();
        assertThat(view.summaryProperty().get()).startsWith("Extraction: 1 message waiting · waiting: Ollama is not running")
                .endsWith("last run never");
        assertThat(view.hasPendingProperty().get()).isTrue();

        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            ollama.respondWith(request -> FakeOllama.Reply.of("not json"));
            memory.extraction().runNow(scope);
            view.refresh();
            assertThat(view.failureProperty().get()).startsWith("1 batch (1 messages) failed: gave up after 3 attempts");
            assertThat(view.hasFailedProperty().get()).isTrue();

            ollama.respondWith(request -> FakeOllama.Reply.of(commands(add("Relationship & Family Context", "pet", "dog Rex"))));
            view.retryFailed();
            memory.extraction().runNow(scope);
            view.refresh();
            assertThat(view.failureProperty().get()).isEmpty();
            assertThat(view.summaryProperty().get()).startsWith("Extraction: nothing waiting");
            assertThat(reloads).hasSize(1);
        }
    }

    @Test
    void configuredCategoriesAndSetTypesDriveExtraction() throws Exception {
        Scope scope = scope("configured");
        var config = memory.semanticConfig();
        String aliceSet = SetIds.userSet(scope, "alice");
        config.setId(scope, false, List.of("producer_id"), Map.of("producer_id", "alice")); // records alice's set
        var travel = config.addCategory(scope, aliceSet, new dev.engram.core.profile.NewCategory("travel",
                "Where the person travels and how they like to travel.", "Trips"));
        config.addTag(scope, travel.id(), new dev.engram.core.profile.NewTag("Seating", "seats they prefer"));
        config.disable(scope, aliceSet, dev.engram.core.profile.BuiltInCategories.PROFILE_NAME);
        var teams = config.createSetType(scope, new dev.engram.core.profile.NewSetType(false, List.of("team"), "Teams", "per team"));
        var habits = config.addTemplate(scope, teams.id(), new dev.engram.core.profile.NewCategory("habits",
                "How the team works together.", null));
        config.addTag(scope, habits.id(), new dev.engram.core.profile.NewTag("Rituals", "meetings and routines"));
        try (FakeOllama ollama = FakeOllama.start(MODEL)) {
            useOllama(ollama.url());
            memory.episodes().add(scope, List.of(new NewEpisode("alice", "bot", "user", "Aisle seats on long flights please",
                    Instant.parse("2026-03-02T19:01:00Z"), Map.of("team", "blue"))));
            ollama.respondWith(request -> FakeOllama.Reply.of(request.path("format").toString().contains("Seating")
                    ? commands(add("Seating", "seat", "aisle on long flights")) : commands()));

            memory.extraction().runNow(scope);

            // alice's set runs only her travel category (the profile is disabled there); the team's set its template
            assertThat(ollama.requests()).hasSize(2);
            assertThat(ollama.requests()).anySatisfy(r -> assertThat(FakeOllama.messages(r).getFirst())
                    .contains("category \"travel\"").contains("Where the person travels"));
            assertThat(memory.profile().active(scope, aliceSet, "travel")).extracting(ProfileFact::value)
                    .containsExactly("aisle on long flights");
            assertThat(ollama.requests()).anySatisfy(r -> assertThat(FakeOllama.messages(r).getFirst())
                    .contains("category \"habits\"").contains("Rituals"));
            String teamSet = SetIds.customSet(scope, Map.of("team", "blue"));
            assertThat(config.sets(scope, Map.of()).stream().map(dev.engram.core.profile.SetInfo::setId)).contains(teamSet);
        }
    }
}
