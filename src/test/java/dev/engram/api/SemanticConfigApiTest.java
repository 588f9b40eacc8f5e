package dev.engram.api;

import static dev.engram.support.TestApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.profile.BuiltInCategories;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MemMachine's semantic configuration endpoints over HTTP: their shapes and codes, scoped by org/project. */
class SemanticConfigApiTest {
    private static final String API = "/memories/semantic/";
    private final String org = SharedEngram.uniqueOrg("semcfg");

    private Map<String, Object> in(String project, Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org_id", org);
        body.put("project_id", project);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Response call(String path, Map<String, Object> body) {
        return post(API + path, body);
    }

    private static JsonNode ok(int status, Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return status == 204 ? null : response.json();
    }

    private String setType(String project, List<String> tags, String name) {
        Map<String, Object> body = in(project, "metadata_tags", tags);
        if (name != null) {
            body.put("name", name);
        }
        return ok(201, call("set_type", body)).get("set_type_id").asText();
    }

    private String setId(String project, List<String> tags, Map<String, Object> metadata) {
        return ok(200, call("set_id/get", in(project, "metadata_tags", tags, "set_metadata", metadata)))
                .get("set_id").asText();
    }

    private String category(String project, String setId, String name) {
        return ok(201, call("category", in(project, "set_id", setId, "category_name", name, "prompt", "Extract " + name,
                "description", name + " things"))).get("category_id").asText();
    }

    private String template(String project, String setTypeId, String name) {
        return ok(201, call("category/template", in(project, "set_type_id", setTypeId, "category_name", name,
                "prompt", "Extract " + name))).get("category_id").asText();
    }

    private List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(field == null ? item.asText() : item.get(field).asText()));
        return out;
    }

    @Test
    void setTypesAreCreatedListedAndDeletedWithMemMachinesShapes() {
        String id = setType("p", List.of("user_id", "session_id"), "User Sessions");
        assertThat(id).matches("\\d+");
        Response minimal = call("set_type", in("p", "metadata_tags", List.of("custom_id")));
        assertThat(minimal.status()).isEqualTo(201);

        JsonNode list = ok(200, call("set_type/list", in("p"))).get("set_types");
        assertThat(list).hasSize(2);
        JsonNode first = list.get(0);
        assertThat(first.get("id").asText()).isEqualTo(id);
        assertThat(first.get("is_org_level").asBoolean()).isFalse();
        assertThat(texts(first.get("tags"), null)).containsExactly("session_id", "user_id");
        assertThat(first.get("name").asText()).isEqualTo("User Sessions");

        assertThat(setType("p", List.of("session_id", "user_id", "user_id"), null)).as("same keys: same set type").isEqualTo(id);
        assertThat(call("set_type", in("p", "metadata_tags", List.of("user_id", "session_id"), "name", "Other")).status())
                .as("same keys, another name").isEqualTo(409);
        assertThat(call("set_type", in("p", "metadata_tags", List.of("x"), "name", "User Sessions")).status())
                .as("another set type's name").isEqualTo(409);

        ok(204, call("set_type/delete", in("p", "set_type_id", id)));
        assertThat(call("set_type/delete", in("p", "set_type_id", id)).status()).isEqualTo(404);
        assertThat(call("set_type/delete", in("p", "set_type_id", "not-an-id")).status()).isEqualTo(404);
        assertThat(texts(ok(200, call("set_type/list", in("p"))).get("set_types"), "id")).doesNotContain(id);
    }

    @Test
    void setIdsAreDeterministicAndNameTheProject() {
        Scope scope = Scope.of(org, "p");
        String user = setId("p", List.of("user_id"), Map.of("user_id", "u1"));
        assertThat(user).isEqualTo(SetIds.customSet(scope, Map.of("user_id", "u1")))
                .isEqualTo(setId("p", List.of("user_id"), Map.of("user_id", "u1", "other", 3)));
        assertThat(setId("p", List.of("producer_id"), Map.of("producer_id", "alice"))).isEqualTo(SetIds.userSet(scope, "alice"));
        assertThat(setId("p", List.of(), Map.of())).isEqualTo(SetIds.projectSet(scope));
        assertThat(setId("p", List.of("user_id"), Map.of())).as("a key without a value is left out")
                .isEqualTo(SetIds.projectSet(scope));
        String orgLevel = ok(200, call("set_id/get", in("p", "metadata_tags", List.of(), "is_org_level", true)))
                .get("set_id").asText();
        assertThat(orgLevel).contains("_project_p_");
        assertThat(setId("q", List.of("user_id"), Map.of("user_id", "u1"))).isNotEqualTo(user);
    }

    @Test
    void aSetIsLinkedToItsSetTypeAndListed() {
        String typeId = setType("p", List.of("user_id"), "Users");
        String set = setId("p", List.of("user_id"), Map.of("user_id", "u1"));
        JsonNode details = ok(200, call("set/get", in("p", "set_id", set)));
        assertThat(details.get("id").asText()).isEqualTo(set);
        assertThat(details.get("set_type_id").asText()).isEqualTo(typeId);
        assertThat(details.get("name").asText()).isEqualTo("Users");
        assertThat(texts(details.get("tags"), null)).containsExactly("user_id");

        JsonNode all = ok(200, call("set_id/list", in("p"))).get("sets");
        assertThat(texts(all, "id")).containsExactly(SetIds.projectSet(Scope.of(org, "p")), set);
        assertThat(all.get(0).get("is_org_level").asBoolean()).isFalse();
        assertThat(all.get(0).get("tags")).isEmpty();

        JsonNode selected = ok(200, call("set_id/list", in("p", "set_metadata",
                Map.of("user_id", "u2", "producer_id", "bob")))).get("sets");
        Scope scope = Scope.of(org, "p");
        assertThat(texts(selected, "id")).containsExactly(SetIds.customSet(scope, Map.of("user_id", "u2")),
                SetIds.userSet(scope, "bob"), SetIds.projectSet(scope));
        assertThat(selected.get(0).get("name").asText()).isEqualTo("Users");
    }

    @Test
    void configuringRecordsTheModelNamesAndAnUnknownSetIsNotFound() {
        String set = setId("p", List.of("user_id"), Map.of("user_id", "u1"));
        ok(204, call("set/configure", in("p", "set_id", set, "embedder_name", "nomic", "llm_name", "llama3")));
        JsonNode details = ok(200, call("set/get", in("p", "set_id", set)));
        assertThat(details.get("embedder_name").asText()).isEqualTo("nomic");
        assertThat(details.get("llm_name").asText()).isEqualTo("llama3");
        ok(204, call("set/configure", in("p", "set_id", set)));
        assertThat(ok(200, call("set/get", in("p", "set_id", set))).has("llm_name")).as("replaced, as in MemMachine").isFalse();

        String project = SetIds.projectSet(Scope.of(org, "p"));
        ok(204, call("set/configure", in("p", "set_id", project, "llm_name", "llama3")));
        assertThat(call("set/configure", in("p", "set_id", "mem_other_set_never_asked_for")).status()).isEqualTo(404);
        assertThat(call("set/get", in("p", "set_id", "mem_other_set_never_asked_for")).status()).isEqualTo(404);
        assertThat(call("set/configure", in("p", "set_id", "a/b")).status()).isEqualTo(422);
    }

    @Test
    void aCategoryIsCreatedReadAndDeletedWithItsTags() {
        String set = setId("p", List.of("cat_user_id"), Map.of("cat_user_id", "u1"));
        String id = category("p", set, "test_preferences");
        assertThat(id).matches("\\d+");
        JsonNode read = ok(200, call("category/get", in("p", "category_id", id)));
        assertThat(read.get("id").asText()).isEqualTo(id);
        assertThat(read.get("name").asText()).isEqualTo("test_preferences");
        assertThat(read.get("prompt").asText()).isEqualTo("Extract test_preferences");
        assertThat(read.get("description").asText()).isEqualTo("test_preferences things");
        assertThat(read.get("origin_type").asText()).isEqualTo("set_id");
        assertThat(read.get("origin_id").asText()).isEqualTo(set);
        assertThat(call("category", in("p", "set_id", set, "category_name", "test_preferences", "prompt", "again"))
                .status()).isEqualTo(409);
        assertThat(texts(ok(200, call("category/set_ids/get", in("p", "category_id", id))).get("set_ids"), null))
                .containsExactly(set);

        String tag = ok(201, call("category/tag", in("p", "category_id", id, "tag_name", "food_preferences",
                "tag_description", "Food the user likes"))).get("tag_id").asText();
        assertThat(tag).matches("\\d+");
        assertThat(call("category/tag", in("p", "category_id", id, "tag_name", "food_preferences", "tag_description", ""))
                .status()).isEqualTo(409);
        JsonNode tags = ok(200, call("category/get", in("p", "category_id", id))).get("tags");
        assertThat(texts(tags, "name")).containsExactly("food_preferences");
        ok(204, call("category/tag/delete", in("p", "tag_id", tag)));
        assertThat(call("category/tag/delete", in("p", "tag_id", tag)).status()).isEqualTo(404);

        ok(204, call("category/delete", in("p", "category_id", id)));
        assertThat(call("category/get", in("p", "category_id", id)).status()).isEqualTo(404);
        assertThat(call("category/delete", in("p", "category_id", id)).status()).isEqualTo(404);
        assertThat(call("category/tag", in("p", "category_id", id, "tag_name", "x", "tag_description", "y")).status())
                .isEqualTo(404);
        assertThat(call("category/set_ids/get", in("p", "category_id", id)).status()).isEqualTo(404);
        assertThat(call("category", in("p", "set_id", "mem_unknown", "category_name", "x", "prompt", "y")).status())
                .isEqualTo(404);
    }

    @Test
    void deletingACategoryDeletesItsFactsAndNoOthers() {
        Scope scope = Scope.of(org, "facts");
        String set = SetIds.userSet(scope, "alice");
        String id = category("facts", set, "travel");
        String doomed = feature("facts", set, "travel", "seat", "aisle");
        String kept = feature("facts", set, "profile", "name", "Alice");
        String otherSet = feature("facts", SetIds.projectSet(scope), "travel", "airline", "KLM");
        ok(204, call("category/delete", in("facts", "category_id", id)));
        assertThat(post(API + "feature/get", in("facts", "feature_id", doomed)).status()).isEqualTo(404);
        assertThat(post(API + "feature/get", in("facts", "feature_id", kept)).status()).isEqualTo(200);
        assertThat(post(API + "feature/get", in("facts", "feature_id", otherSet)).status()).isEqualTo(200);
        JsonNode history = ok(200, post(API + "feature/history", in("facts", "feature_id", doomed)));
        assertThat(texts(history.get("history"), "action")).containsExactly("add", "delete");
    }

    private String feature(String project, String set, String category, String feature, String value) {
        return ok(201, post(API + "feature", in(project, "set_id", set, "category_name", category, "tag", "T",
                "feature", feature, "value", value))).get("feature_id").asText();
    }

    @Test
    void templatesApplyToTheSetsOfTheirTypeUnlessASetHasItsOwn() {
        String typeId = setType("p", List.of("team"), "Teams");
        String templateId = template("p", typeId, "template_preferences");
        JsonNode templates = ok(200, call("category/template/list", in("p", "set_type_id", typeId))).get("categories");
        assertThat(templates).hasSize(1);
        assertThat(templates.get(0).get("id").asText()).isEqualTo(templateId);
        assertThat(templates.get(0).get("name").asText()).isEqualTo("template_preferences");
        assertThat(templates.get(0).get("origin_type").asText()).isEqualTo("set_type");
        assertThat(templates.get(0).get("origin_id").asText()).isEqualTo(typeId);
        assertThat(templates.get(0).get("inherited").asBoolean()).isTrue();
        assertThat(call("category/template", in("p", "set_type_id", typeId, "category_name", "template_preferences",
                "prompt", "x")).status()).isEqualTo(409);

        String red = setId("p", List.of("team"), Map.of("team", "red"));
        String blue = setId("p", List.of("team"), Map.of("team", "blue"));
        category("p", blue, "template_preferences");
        assertThat(texts(ok(200, call("category/set_ids/get", in("p", "category_id", templateId))).get("set_ids"), null))
                .containsExactly(red);
        JsonNode onRed = ok(200, call("category/list", in("p", "set_id", red))).get("categories");
        assertThat(texts(onRed, "name")).containsExactly("template_preferences");
        assertThat(onRed.get(0).get("inherited").asBoolean()).isTrue();
        JsonNode onBlue = ok(200, call("category/list", in("p", "set_id", blue))).get("categories");
        assertThat(onBlue.get(0).get("origin_type").asText()).isEqualTo("set_id");
        assertThat(onBlue.get(0).get("inherited").asBoolean()).isFalse();

        ok(204, call("category/delete", in("p", "category_id", templateId)));
        assertThat(ok(200, call("category/template/list", in("p", "set_type_id", typeId))).get("categories")).isEmpty();
        ok(204, call("set_type/delete", in("p", "set_type_id", typeId)));
        assertThat(call("category/template/list", in("p", "set_type_id", typeId)).status()).isEqualTo(404);
        assertThat(call("category/template", in("p", "set_type_id", typeId, "category_name", "x", "prompt", "y"))
                .status()).isEqualTo(404);
    }

    @Test
    void theBuiltInProfileAppliesToProjectAndUserSetsAndCanBeDisabledAndEnabled() {
        Scope scope = Scope.of(org, "p");
        for (String set : List.of(SetIds.projectSet(scope), SetIds.userSet(scope, "alice"))) {
            JsonNode listed = ok(200, call("category/list", in("p", "set_id", set))).get("categories");
            assertThat(listed).hasSize(1);
            JsonNode profile = listed.get(0);
            assertThat(profile.has("id")).isFalse();
            assertThat(profile.get("name").asText()).isEqualTo("profile");
            assertThat(profile.get("origin_type").asText()).isEqualTo("built_in");
            assertThat(profile.get("enabled").asBoolean()).isTrue();
            assertThat(profile.get("tags")).hasSize(37);
            assertThat(texts(profile.get("tags"), "name")).contains("Hobbies & Interests", "Tech Proficiency");
        }
        String custom = setId("p", List.of("user_id"), Map.of("user_id", "u1"));
        assertThat(ok(200, call("category/list", in("p", "set_id", custom))).get("categories")).isEmpty();

        String userSet = SetIds.userSet(scope, "alice");
        ok(204, call("category/disable", in("p", "set_id", userSet, "category_name", BuiltInCategories.PROFILE_NAME)));
        ok(204, call("category/disable", in("p", "set_id", userSet, "category_name", "profile")));
        assertThat(ok(200, call("category/list", in("p", "set_id", userSet))).at("/categories/0/enabled").asBoolean())
                .isFalse();
        assertThat(texts(ok(200, call("set/get", in("p", "set_id", userSet))).get("disabled_categories"), null))
                .containsExactly("profile");
        assertThat(ok(200, call("category/list", in("p", "set_id", SetIds.projectSet(scope))))
                .at("/categories/0/enabled").asBoolean()).as("other sets keep it").isTrue();
        ok(204, call("category/enable", in("p", "set_id", userSet, "category_name", "profile")));
        assertThat(ok(200, call("category/list", in("p", "set_id", userSet))).at("/categories/0/enabled").asBoolean())
                .isTrue();

        assertThat(call("category/disable", in("p", "set_id", userSet, "category_name", "nonexistent")).status())
                .isEqualTo(404);
        assertThat(call("category/enable", in("p", "set_id", custom, "category_name", "profile")).status())
                .isEqualTo(404);
        assertThat(call("category/disable", in("p", "set_id", "mem_unknown", "category_name", "profile")).status())
                .isEqualTo(404);
    }

    @Test
    void anInheritedCategoryCanBeDisabledOnOneSet() {
        String typeId = setType("p", List.of("disable_test_tag"), "Disable Test Type");
        template("p", typeId, "inherited_category");
        String set = setId("p", List.of("disable_test_tag"), Map.of("disable_test_tag", "v"));
        ok(204, call("category/disable", in("p", "set_id", set, "category_name", "inherited_category")));
        JsonNode listed = ok(200, call("category/list", in("p", "set_id", set))).get("categories");
        assertThat(listed.get(0).get("enabled").asBoolean()).isFalse();
        ok(204, call("set_type/delete", in("p", "set_type_id", typeId)));
    }

    @Test
    void idsOfAnotherProjectOrOrganisationAreNotFound() {
        String typeId = setType("mine", List.of("k"), null);
        String set = setId("mine", List.of("k"), Map.of("k", "v"));
        String categoryId = category("mine", set, "c");
        String templateId = template("mine", typeId, "t");
        String tagId = ok(201, call("category/tag", in("mine", "category_id", categoryId, "tag_name", "n",
                "tag_description", "d"))).get("tag_id").asText();

        List<Map<String, Object>> elsewhere = List.of(in("theirs"), otherOrg());
        for (Map<String, Object> scope : elsewhere) {
            List<Response> answers = List.of(
                    call("set_type/delete", with(scope, "set_type_id", typeId)),
                    call("category/template", with(scope, "set_type_id", typeId, "category_name", "x", "prompt", "y")),
                    call("category/template/list", with(scope, "set_type_id", typeId)),
                    call("set/get", with(scope, "set_id", set)),
                    call("set/configure", with(scope, "set_id", set)),
                    call("category", with(scope, "set_id", set, "category_name", "x", "prompt", "y")),
                    call("category/list", with(scope, "set_id", set)),
                    call("category/disable", with(scope, "set_id", set, "category_name", "c")),
                    call("category/get", with(scope, "category_id", categoryId)),
                    call("category/get", with(scope, "category_id", templateId)),
                    call("category/set_ids/get", with(scope, "category_id", categoryId)),
                    call("category/tag", with(scope, "category_id", categoryId, "tag_name", "x", "tag_description", "y")),
                    call("category/delete", with(scope, "category_id", categoryId)),
                    call("category/tag/delete", with(scope, "tag_id", tagId)));
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(404));
            assertThat(ok(200, call("set_type/list", scope)).get("set_types")).isEmpty();
        }
        assertThat(ok(200, call("category/get", in("mine", "category_id", categoryId))).get("tags")).hasSize(1);
        assertThat(ok(200, call("set_type/list", in("mine"))).get("set_types")).hasSize(1);
    }

    private Map<String, Object> otherOrg() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org_id", org + "-x");
        body.put("project_id", "mine");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    @Test
    void badInputIsA422NamingTheField() {
        assertThat(call("set_type", in("p")).detail()).isEqualTo("Invalid request payload: metadata_tags: Field required");
        assertThat(call("set_type", in("p", "metadata_tags", List.of("a b"))).detail())
                .startsWith("Invalid request payload: metadata_tags.0: ");
        assertThat(call("set_type", in("p", "metadata_tags", "user_id")).detail())
                .isEqualTo("Invalid request payload: metadata_tags: Input should be a valid list");
        assertThat(call("set_id/get", in("p", "metadata_tags", List.of("k"), "set_metadata", Map.of("k", "a/b"))).detail())
                .startsWith("Invalid request payload: set_metadata.k: ");
        assertThat(call("category", in("p", "set_id", "x", "category_name", "", "prompt", "p")).status()).isEqualTo(422);
        assertThat(call("category", in("p", "set_id", "x", "category_name", "c")).detail())
                .isEqualTo("Invalid request payload: prompt: Field required");
        assertThat(call("category/get", in("p", "category_id", 5)).detail())
                .isEqualTo("Invalid request payload: category_id: Input should be a valid string");
        assertThat(call("category/tag", in("p", "category_id", "1", "tag_name", "t")).status()).isEqualTo(422);
    }

    @Test
    void deletingAProjectForgetsItsConfiguration() {
        ok(201, post("/projects", in("gone")));
        setType("gone", List.of("k"), "Gone");
        String set = setId("gone", List.of("k"), Map.of("k", "v"));
        category("gone", set, "c");
        ok(204, post("/projects/delete", in("gone")));
        assertThat(ok(200, call("set_type/list", in("gone"))).get("set_types")).isEmpty();
        assertThat(call("set/get", in("gone", "set_id", set)).status()).isEqualTo(404);
    }
}
