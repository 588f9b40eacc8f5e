package dev.engram.api;

import static dev.engram.support.TestApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Semantic features over HTTP: MemMachine's shapes, scoped by org/project, plus history. */
class FeaturesApiTest {
    private final String org = SharedEngram.uniqueOrg("feat");

    private Map<String, Object> scope(String project, Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org_id", org);
        body.put("project_id", project);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private String addEpisode(String project, String content) {
        return post("/memories", scope(project, "messages", List.of(Map.of("content", content, "producer", "alice"))))
                .json().at("/results/0/uid").asText();
    }

    private String addFeature(String project, String setId, List<String> citations) {
        Response added = post("/memories/semantic/feature", scope(project, "set_id", setId, "category_name", "profile",
                "tag", "Food", "feature", "favorite_food", "value", "pizza",
                "feature_metadata", Map.of("source", "chat", "confidence", 0.9), "citations", citations));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("feature_id").asText();
    }

    @Test
    void aFeatureIsAddedReadUpdatedAndItsHistoryKept() {
        String episode = addEpisode("p", "I love pizza");
        String userSet = SetIds.userSet(Scope.of(org, "p"), "alice");
        String id = addFeature("p", userSet, List.of(episode));
        assertThat(id).matches("\\d+");

        JsonNode plain = post("/memories/semantic/feature/get", scope("p", "feature_id", id)).json();
        assertThat(plain.get("set_id").asText()).isEqualTo(userSet);
        assertThat(plain.get("category").asText()).isEqualTo("profile");
        assertThat(plain.get("tag").asText()).isEqualTo("Food");
        assertThat(plain.get("feature_name").asText()).isEqualTo("favorite_food");
        assertThat(plain.get("value").asText()).isEqualTo("pizza");
        assertThat(plain.at("/metadata/id").asText()).isEqualTo(id);
        assertThat(plain.at("/metadata").has("citations")).isFalse();
        assertThat(plain.at("/metadata/other/confidence").asText()).isEqualTo("0.9");
        JsonNode cited = post("/memories/semantic/feature/get", scope("p", "feature_id", id, "load_citations", true)).json();
        assertThat(cited.at("/metadata/citations/0").asText()).isEqualTo(episode);

        Response updated = post("/memories/semantic/feature/update", scope("p", "feature_id", id, "value", "sushi"));
        assertThat(updated.status()).isEqualTo(204);
        assertThat(post("/memories/semantic/feature/get", scope("p", "feature_id", id)).json().get("value").asText())
                .isEqualTo("sushi");
        JsonNode history = post("/memories/semantic/feature/history", scope("p", "feature_id", id)).json();
        assertThat(history.get("history")).extracting(h -> h.get("action").asText()).containsExactly("add", "update");
        assertThat(history.at("/history/1/before/value").asText()).isEqualTo("pizza");
        assertThat(history.at("/versions/0/value").asText()).isEqualTo("pizza");

        JsonNode found = post("/memories/search", scope("p", "query", "what food does she like", "types",
                List.of("semantic"))).json();
        assertThat(found.at("/content/semantic_memory/0/value").asText()).isEqualTo("sushi");
    }

    @Test
    void anotherProjectsFeatureIsNotFoundForEveryOperation() {
        String id = addFeature("mine", SetIds.projectSet(Scope.of(org, "mine")), List.of());
        for (String path : List.of("/memories/semantic/feature/get", "/memories/semantic/feature/update",
                "/memories/semantic/feature/archive", "/memories/semantic/feature/history")) {
            Response response = post(path, scope("theirs", "feature_id", id, "value", "stolen"));
            assertThat(response.status()).as(path).isEqualTo(404);
        }
        assertThat(post("/memories/semantic/delete", scope("theirs", "semantic_id", id)).status()).isEqualTo(404);
        assertThat(post("/memories/semantic/feature/get", scope("mine", "feature_id", id)).json().get("value").asText())
                .isEqualTo("pizza");
        assertThat(post("/memories/semantic/feature/get", scope("mine", "feature_id", "999999999")).status()).isEqualTo(404);
    }

    @Test
    void aSetIdNamingAnotherProjectStillStoresTheFeatureInTheAskingProject() {
        String foreign = SetIds.projectSet(Scope.of(org, "elsewhere"));
        String id = addFeature("here", foreign, List.of());
        assertThat(post("/memories/semantic/feature/get", scope("here", "feature_id", id)).status()).isEqualTo(200);
        assertThat(post("/memories/semantic/feature/get", scope("elsewhere", "feature_id", id)).status()).isEqualTo(404);
        JsonNode listed = post("/memories/list", scope("elsewhere", "type", "semantic")).json();
        assertThat(listed.at("/content/semantic_memory")).isEmpty();
    }

    @Test
    void citationsMustNameEpisodesOfTheProject() {
        String theirs = addEpisode("other", "not yours");
        Response response = post("/memories/semantic/feature", scope("cites", "set_id", "s", "category_name", "profile",
                "tag", "t", "feature", "f", "value", "v", "citations", List.of(theirs)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.detail()).contains("citations.0").contains("does not exist");
    }

    @Test
    void archivedFeaturesLeaveSearchUntilRestoredAndDeletesAreAllOrNothing() {
        String a = addFeature("arch", "s", List.of());
        assertThat(post("/memories/semantic/feature/archive", scope("arch", "feature_id", a)).status()).isEqualTo(204);
        assertThat(post("/memories/search", scope("arch", "query", "pizza", "types", List.of("semantic"))).json()
                .at("/content/semantic_memory")).isEmpty();
        assertThat(post("/memories/semantic/feature/restore", scope("arch", "feature_id", a)).status()).isEqualTo(204);
        assertThat(post("/memories/search", scope("arch", "query", "pizza", "types", List.of("semantic"))).json()
                .at("/content/semantic_memory")).hasSize(1);
        assertThat(post("/memories/semantic/delete", scope("arch", "semantic_ids", List.of(a, "999999999"))).status())
                .isEqualTo(404);
        assertThat(post("/memories/semantic/feature/get", scope("arch", "feature_id", a)).status()).isEqualTo(200);
        assertThat(post("/memories/semantic/delete", scope("arch", "semantic_ids", List.of(a))).status()).isEqualTo(204);
        assertThat(post("/memories/semantic/feature/get", scope("arch", "feature_id", a)).status()).isEqualTo(404);
    }
}
