package dev.engram.api;

import static dev.engram.support.TestApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The memory endpoints with memmachine-reference §1.4's examples: shapes field for field. */
class MemoriesApiTest {
    private final String org = SharedEngram.uniqueOrg("acme");

    private String add(String project, String content, String producer, String timestamp, Map<String, String> metadata) {
        Response added = post("/memories", Map.of("org_id", org, "project_id", project, "types", List.of(),
                "messages", List.of(Map.of("content", content, "producer", producer, "produced_for", "bot",
                        "role", "user", "timestamp", timestamp, "metadata", metadata))));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return added.json().at("/results/0/uid").asText();
    }

    @Test
    void addThenSearchGivesTheDocumentedShape() {
        String uid = add("assistant", "I prefer aisle seats", "alice", "2025-11-24T10:00:00Z",
                Map.of("user_id", "alice", "topic", "travel"));
        assertThat(uid).matches("\\d+");

        Response found = post("/memories/search", Map.of("org_id", org, "project_id", "assistant",
                "query", "seat preference", "top_k", 5, "filter", "m.user_id = 'alice'", "expand_context", 2,
                "types", List.of("episodic", "semantic")));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode body = found.json();
        assertThat(body.get("status").asInt()).isZero();
        JsonNode content = body.get("content");
        assertThat(content.fieldNames()).toIterable().containsExactlyInAnyOrder("episodic_memory", "semantic_memory");
        JsonNode shortTerm = content.at("/episodic_memory/short_term_memory");
        assertThat(shortTerm.get("episodes")).hasSize(1);
        assertThat(shortTerm.get("episode_summary").isArray()).isTrue();
        JsonNode episode = shortTerm.get("episodes").get(0);
        assertThat(episode.get("uid").asText()).isEqualTo(uid);
        assertThat(episode.get("content").asText()).isEqualTo("I prefer aisle seats");
        assertThat(episode.get("producer_id").asText()).isEqualTo("alice");
        assertThat(episode.get("producer_role").asText()).isEqualTo("user");
        assertThat(episode.get("produced_for_id").asText()).isEqualTo("bot");
        assertThat(episode.get("episode_type").asText()).isEqualTo("message");
        assertThat(episode.get("created_at").asText()).isEqualTo("2025-11-24T10:00:00Z");
        assertThat(episode.at("/metadata/topic").asText()).isEqualTo("travel");
        assertThat(episode.has("score")).as("short-term items carry no score").isFalse();
        assertThat(content.at("/episodic_memory/long_term_memory/episodes"))
                .as("a hit already in short-term memory is not repeated").isEmpty();
        assertThat(content.get("semantic_memory").isArray()).isTrue();
    }

    @Test
    void longTermHitsCarryScoresAndTheShapeIsTheSameForEveryTypesValue() {
        for (int i = 0; i < 12; i++) {
            add("shape", "filler message number " + i + " about the weather", "bob", "2025-01-01T00:00:" + (10 + i) + "Z", Map.of());
        }
        add("shape", "My passport number is in the blue drawer", "bob", "2024-06-01T00:00:00Z", Map.of());
        for (List<String> types : List.<List<String>>of(List.of(), List.of("episodic"), List.of("semantic"))) {
            JsonNode content = post("/memories/search", Map.of("org_id", org, "project_id", "shape",
                    "query", "where is the passport", "top_k", 3, "types", types)).json().get("content");
            assertThat(content.at("/episodic_memory/long_term_memory/episodes").isArray()).as("types %s", types).isTrue();
            assertThat(content.at("/episodic_memory/short_term_memory/episodes").isArray()).isTrue();
            assertThat(content.get("semantic_memory").isArray()).isTrue();
            if (!types.equals(List.of("semantic"))) {
                JsonNode top = content.at("/episodic_memory/long_term_memory/episodes/0");
                assertThat(top.get("content").asText()).contains("passport");
                assertThat(top.get("score").asDouble()).isBetween(0.0, 1.0);
            } else {
                assertThat(content.at("/episodic_memory/long_term_memory/episodes")).isEmpty();
            }
        }
    }

    @Test
    void listIsOldestFirstWithMemMachinesEpisodeFields() {
        add("list", "second", "alice", "2025-02-01T00:00:00Z", Map.of());
        add("list", "first", "bob", "2025-01-01T00:00:00Z", Map.of("k", "v"));
        Response listed = post("/memories/list", Map.of("org_id", org, "project_id", "list", "type", "episodic",
                "page_size", 50, "page_num", 0, "filter", ""));
        JsonNode episodes = listed.json().at("/content/episodic_memory");
        assertThat(episodes).hasSize(2);
        JsonNode first = episodes.get(0);
        assertThat(first.get("content").asText()).isEqualTo("first");
        assertThat(first.get("session_key").asText()).isEqualTo(org + "/list");
        assertThat(first.get("sequence_num").asInt()).isZero();
        assertThat(first.get("content_type").asText()).isEqualTo("string");
        assertThat(first.at("/filterable_metadata/k").asText()).isEqualTo("v");
        assertThat(listed.json().at("/content").has("semantic_memory")).isFalse();
        JsonNode byProducer = post("/memories/list", Map.of("org_id", org, "project_id", "list",
                "filter", "producer_id = 'alice'")).json();
        assertThat(byProducer.at("/content/episodic_memory")).hasSize(1);
        assertThat(byProducer.at("/content/semantic_memory").isArray()).isTrue();
    }

    @Test
    void deletingEpisodesIsAllOrNothingAndUnknownIdsAre404() {
        String a = add("del", "one", "alice", "2025-01-01T00:00:00Z", Map.of());
        String b = add("del", "two", "alice", "2025-01-02T00:00:00Z", Map.of());
        Response unknown = post("/memories/episodic/delete", Map.of("org_id", org, "project_id", "del",
                "episodic_ids", List.of(a, "999999999")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).contains("999999999");
        assertThat(post("/projects/episode_count/get", Map.of("org_id", org, "project_id", "del")).json()
                .get("count").asLong()).isEqualTo(2);
        Response none = post("/memories/episodic/delete", Map.of("org_id", org, "project_id", "del"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.detail()).contains("At least one episodic ID must be provided");
        Response deleted = post("/memories/episodic/delete", Map.of("org_id", org, "project_id", "del",
                "episodic_id", a, "episodic_ids", List.of(b, a)));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(post("/projects/episode_count/get", Map.of("org_id", org, "project_id", "del")).json()
                .get("count").asLong()).isZero();
    }

    @Test
    void producerIdAndTheDictFilterAreAccepted() {
        Response added = post("/memories", Map.of("org_id", org, "project_id", "aliases", "messages", List.of(
                Map.of("content", "hello from carol", "producer_id", "carol", "producer_role", "assistant"))));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode listed = post("/memories/list", Map.of("org_id", org, "project_id", "aliases",
                "filter", Map.of("producer", "carol", "role", "assistant"))).json();
        assertThat(listed.at("/content/episodic_memory/0/producer_role").asText()).isEqualTo("assistant");
    }

    @Test
    void anEpisodeCanBeEditedAndKeepsItsUid() {
        String uid = add("edit", "I live in Paris", "alice", "2025-01-01T00:00:00Z", Map.of());
        Response edited = post("/memories/episodic/update", Map.of("org_id", org, "project_id", "edit",
                "episodic_id", uid, "content", "I live in Lisbon"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("content").asText()).isEqualTo("I live in Lisbon");
        assertThat(edited.json().get("uid").asText()).isEqualTo(uid);
    }
}
