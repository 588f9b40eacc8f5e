package dev.engram.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.support.SharedEngram;
import dev.engram.support.TestApi;
import dev.engram.support.TestApi.Response;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of malformed, mistyped, oversized and hostile requests: each must be a 4xx with a
 * {@code detail} (never a 5xx), and afterwards the store must hold exactly what it held before.
 */
class HostileInputTest {
    private static final String SEM = "/memories/semantic/";
    private final String org = SharedEngram.uniqueOrg("hostile");

    private static final List<String> HOSTILE_IDS = List.of("a/b", "../etc", "x\u0000y", "x\ny", "", " ", "a b",
            "a'b", "a\"b", "a;b", "$x", "%2F", "é/", "\u202Eevil", "x".repeat(500), "a\\b", "{}", "`x`", "a|b");
    private static final List<String> HOSTILE_FILTERS = List.of("producer = ", "producer = 'x", "((producer = 'x')",
            "producer == 'x'", "unknown = 1", "m. = 'x'", "m.a'b = 'x'", "producer = 'x' OR", "AND", "1 = 1",
            "producer = 'x'; DROP TABLE fact; --", "producer = 'x') RETURN n //", "producer IN ()", "uid > 'abc'",
            "created_at > date('not a date')", "m.k = \"unterminated", "producer = $param", "producer = x y",
            "NOT", "(".repeat(5000) + "producer = 'x'" + ")".repeat(5000), "producer IN (" + "'a',".repeat(2000) + "'b')",
            "role = 'user' OR tag = 'x'", "created_at > 99999999999999999999999", "m.n > 99999999999999999999999999", "producer = 'x' AND");
    private static final List<String> MALFORMED = List.of("", "{", "}", "[]", "null", "42", "\"text\"", "{\"org_id\":}",
            "{'org_id': 'x'}", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":1}{\"b\":2}", "{\"a\":1, \"a\":2}", "/* c */ {}",
            "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}",
"\u00ef\u00bb\u00bf{}", "{\"a\":01}");

    private Map<String, Object> scope(String project) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org_id", org);
        body.put("project_id", project);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    private static Map<String, Object> message(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content", "hello");
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Everything the store holds for this test's org: episode and fact listings, project list. */
    private String snapshot() {
        StringBuilder out = new StringBuilder();
        for (JsonNode project : TestApi.post("/projects/list", "{}").json()) {
            if (!project.get("org_id").asText().equals(org)) {
                continue;
            }
            String name = project.get("project_id").asText();
            out.append(name).append('\n');
            out.append(TestApi.post("/memories/list", with(scope(name), "page_size", 1000)).body()).append('\n');
        }
        out.append(TestApi.post("/projects/list", "{}").json().size());
        return out.toString();
    }

    @Test
    void hundredsOfBadRequestsGetClear4xxAnswersAndChangeNothing() {
        Map<String, Object> good = scope("data");
        Response seeded = TestApi.post("/memories", with(good, "messages", List.of(
                message("producer", "alice", "metadata", Map.of("topic", "travel")), message("producer", "bob"))));
        assertThat(seeded.status()).isEqualTo(200);
        String uid = seeded.json().at("/results/0/uid").asText();
        String before = snapshot();

        List<Object[]> requests = new ArrayList<>();   // {path, body (String or Map)}
        for (String body : MALFORMED) {
            for (String path : List.of("/memories", "/memories/search", "/memories/list", "/memories/episodic/delete",
                    "/projects", "/memories/semantic/feature")) {
                requests.add(new Object[] {path, body});
            }
        }
        for (String id : HOSTILE_IDS) {
            requests.add(new Object[] {"/memories", with(scope(id), "messages", List.of(message()))});
            requests.add(new Object[] {"/memories", with(scope("data"), "org_id", id, "messages", List.of(message()))});
            requests.add(new Object[] {"/memories/search", with(scope(id), "query", "x")});
            requests.add(new Object[] {"/projects", scope(id)});
            requests.add(new Object[] {"/projects/delete", with(good, "project_id", id)});
            requests.add(new Object[] {"/memories/episodic/delete", with(good, "episodic_ids", List.of(id))});
            requests.add(new Object[] {"/memories/semantic/delete", with(good, "semantic_id", id)});
            if (!id.isEmpty() && !id.equals("a b")) { // "" means the default producer; names may hold a space
                requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("producer", id)))});
            }
            requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("metadata", Map.of(id, "v"))))});
        }
        for (String filter : HOSTILE_FILTERS) {
            requests.add(new Object[] {"/memories/search", with(good, "query", "travel", "filter", filter)});
            requests.add(new Object[] {"/memories/list", with(good, "filter", filter)});
        }
        Object[] wrongTypes = {42, true, List.of("x"), Map.of("a", 1), 1.5, -1};
        for (Object wrong : wrongTypes) {
            requests.add(new Object[] {"/memories", with(good, "messages", wrong)});
            requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("content", wrong)))});
            requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("metadata", Map.of("k", wrong))))});
            requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("timestamp", List.of(wrong))))});
            requests.add(new Object[] {"/memories", with(good, "types", wrong, "messages", List.of(message()))});
            requests.add(new Object[] {"/memories/search", with(good, "query", wrong)});
            requests.add(new Object[] {"/memories/search", with(good, "query", "x", "top_k", List.of(wrong))});
            requests.add(new Object[] {"/memories/list", with(good, "page_size", "ten")});
            requests.add(new Object[] {"/memories/semantic/feature/get", with(good, "feature_id", wrong)});
            if (!(wrong instanceof String)) {
                requests.add(new Object[] {"/projects", with(good, "org_id", wrong)});
            }
        }
        requests.add(new Object[] {"/memories", with(good, "messages", List.of())});
        requests.add(new Object[] {"/memories", good});
        requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("content", "")))});
        requests.add(new Object[] {"/memories", with(good, "messages", List.of(message(), message("content", null)))});
        requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("episode_type", "email")))});
        requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("timestamp", "yesterday")))});
        requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("timestamp", 1e30)))});
        requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("role", "x".repeat(1000))))});
        requests.add(new Object[] {"/memories", with(good, "messages", List.of(message("content", "a\u0000b")))});
        requests.add(new Object[] {"/memories", "{\"org_id\":\"" + org + "\",\"project_id\":\"data\",\"messages\":"
                + "[{\"content\":\"broken \\ud800 surrogate\"}]}"});
        requests.add(new Object[] {"/memories", "{\"org_id\":\"" + org + "\",\"project_id\":\"data\",\"messages\":"
                + "[{\"content\":\"fine\",\"metadata\":{\"k\":\"x\\udc00\"}}]}"});
        requests.add(new Object[] {"/memories/search", good});
        requests.add(new Object[] {"/memories/search", with(good, "query", "x", "top_k", 1_000_000)});
        requests.add(new Object[] {"/memories/search", with(good, "query", "x", "top_k", -3)});
        requests.add(new Object[] {"/memories/search", "{\"query\":\"x\",\"top_k\":1e99999}"});
        requests.add(new Object[] {"/memories/search", "{\"query\":\"x\",\"score_threshold\":1e99999}"});
        requests.add(new Object[] {"/memories/search", with(good, "query", "x", "expand_context", 9_999)});
        requests.add(new Object[] {"/memories/search", with(good, "query", "x", "types", List.of("procedural"))});
        requests.add(new Object[] {"/memories/search", with(good, "query", "x", "score_threshold", "high")});
        requests.add(new Object[] {"/memories/list", with(good, "type", "both")});
        requests.add(new Object[] {"/memories/list", with(good, "page_num", -1)});
        requests.add(new Object[] {"/memories/episodic/delete", with(good, "episodic_ids", List.of(uid, "999999999"))});
        requests.add(new Object[] {"/memories/episodic/delete", with(good, "episodic_ids", List.of(uid + " OR 1=1"))});
        requests.add(new Object[] {"/memories/episodic/delete", with(scope("elsewhere"), "episodic_id", uid)});
        requests.add(new Object[] {"/memories/episodic/update", with(scope("elsewhere"), "episodic_id", uid, "content", "x")});
        requests.add(new Object[] {"/memories/episodic/update", with(good, "episodic_id", uid, "content", "")});
        requests.add(new Object[] {"/memories/semantic/feature", with(good, "set_id", "mem_x", "category_name", "profile",
                "tag", "t", "feature", "f", "value", "v\u0001")});
        requests.add(new Object[] {"/memories/semantic/feature", with(good, "set_id", "mem_project_set_org_" + org
                + "_project_data_0_46b9dd2b0ba8__", "category_name", "profile", "tag", "t", "feature", "f", "value", "v",
                "citations", List.of("999999999"))});
        requests.add(new Object[] {"/memories/semantic/feature/update", with(good, "feature_id", "999999999", "value", "x")});
        requests.add(new Object[] {"/projects", with(good, "config", Map.of("backend", "cassandra"))});
        requests.add(new Object[] {"/projects", with(good, "config", Map.of("properties_schema", Map.of("a", "date")))});
        requests.add(new Object[] {"/projects/get", scope("never-created")});
        requests.add(new Object[] {"/projects/delete", scope("never-created")});
        requests.add(new Object[] {"/memory/episodic/config", with(scope("never-created"), "enabled", false)});
        requests.add(new Object[] {"/memory/episodic/config", with(good, "enabled", "no")});

        assertThat(requests).hasSizeGreaterThan(300);
        assertCleanRejections(requests);

        Response invalidUtf8 = TestApi.send(HttpRequest.newBuilder(TestApi.baseUri().resolve("/api/v2/memories"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}))
                .build());
        assertThat(invalidUtf8.status()).isBetween(400, 499);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void validationErrorsNameTheFieldLikeMemMachine() {
        Map<String, Object> good = scope("messages");
        Response empty = TestApi.post("/memories", with(good, "messages", List.of()));
        assertThat(empty.status()).isEqualTo(422);
        JsonNode detail = empty.json().get("detail");
        assertThat(detail.get("code").asInt()).isEqualTo(422);
        assertThat(detail.get("message").asText())
                .isEqualTo("Invalid request payload: messages: List should have at least 1 item after validation, not 0");
        assertThat(detail.get("exception").asText()).isEqualTo("RequestValidationError");
        assertThat(detail.get("trace").asText()).isEmpty();
        assertThat(TestApi.post("/memories", with(good, "messages", List.of(message(), message("metadata", Map.of("n", 3)))))
                .detail()).isEqualTo("Invalid request payload: messages.1.metadata.n: Input should be a valid string");
        assertThat(TestApi.post("/memories", with(good, "messages", List.of(message("producer", "a/b")))).detail())
                .startsWith("Invalid request payload: messages.0.producer: ");
        assertThat(TestApi.post("/memories/search", with(good, "query", "x", "filter", "producer = ")).detail())
                .contains("filter").contains("position");
        assertThat(TestApi.post("/memories", "{\"org_id\": ").detail()).contains("JSON").contains("line 1");
    }

    /** Every request must be a 4xx with a {@code detail} and no stack trace. */
    private static void assertCleanRejections(List<Object[]> requests) {
        List<String> wrong = new ArrayList<>();
        for (Object[] request : requests) {
            String path = (String) request[0];
            Response response = request[1] instanceof String raw ? TestApi.post(path, raw)
                    : TestApi.post(path, cast(request[1]));
            String what = response.status() + " " + path + " " + abbreviate(String.valueOf(request[1]));
            if (response.status() < 400 || response.status() > 499) {
                wrong.add(what);
            } else if (!response.json().has("detail")) {
                wrong.add("no detail: " + what);
            } else if (response.body().contains("\tat ") || response.body().contains(".java:")) {
                wrong.add("stack trace: " + what);
            }
        }
        assertThat(wrong).as("requests not answered with a clean 4xx").isEmpty();
    }

    /** The semantic configuration of a project: set types, templates, sets and their categories. */
    private String configSnapshot(String project) {
        StringBuilder out = new StringBuilder();
        JsonNode types = TestApi.post(SEM + "set_type/list", scope(project)).json();
        out.append(types).append('\n');
        for (JsonNode type : types.get("set_types")) {
            out.append(TestApi.post(SEM + "category/template/list", with(scope(project), "set_type_id",
                    type.get("id").asText())).body()).append('\n');
        }
        JsonNode sets = TestApi.post(SEM + "set_id/list", scope(project)).json();
        out.append(sets).append('\n');
        for (JsonNode set : sets.get("sets")) {
            String id = set.get("id").asText();
            out.append(TestApi.post(SEM + "set/get", with(scope(project), "set_id", id)).body()).append('\n');
            out.append(TestApi.post(SEM + "category/list", with(scope(project), "set_id", id)).body()).append('\n');
        }
        return out.toString();
    }

    @Test
    void badSemanticConfigurationRequestsGetClear4xxAnswersAndChangeNothing() {
        Map<String, Object> good = scope("config");
        String typeId = TestApi.post(SEM + "set_type", with(good, "metadata_tags", List.of("team"), "name", "Teams"))
                .json().get("set_type_id").asText();
        String templateId = TestApi.post(SEM + "category/template", with(good, "set_type_id", typeId,
                "category_name", "goals", "prompt", "Extract goals")).json().get("category_id").asText();
        String setId = TestApi.post(SEM + "set_id/get", with(good, "metadata_tags", List.of("team"),
                "set_metadata", Map.of("team", "red"))).json().get("set_id").asText();
        String categoryId = TestApi.post(SEM + "category", with(good, "set_id", setId, "category_name", "prefs",
                "prompt", "Extract prefs")).json().get("category_id").asText();
        String tagId = TestApi.post(SEM + "category/tag", with(good, "category_id", categoryId, "tag_name", "Food",
                "tag_description", "food")).json().get("tag_id").asText();
        assertThat(TestApi.post(SEM + "category/disable", with(good, "set_id", setId, "category_name", "goals")).status())
                .isEqualTo(204);
        String before = configSnapshot("config") + configSnapshot("elsewhere") + snapshot();

        List<Object[]> requests = new ArrayList<>();
        List<String> paths = List.of("set_type", "set_type/list", "set_type/delete", "set_id/get", "set_id/list",
                "set/configure", "set/get", "category", "category/get", "category/list", "category/template",
                "category/template/list", "category/disable", "category/enable", "category/set_ids/get",
                "category/delete", "category/tag", "category/tag/delete");
        for (String body : MALFORMED) {
            for (String path : paths) {
                requests.add(new Object[] {SEM + path, body});
            }
        }
        List<String> invalidNames = List.of("", " ", "x\u0000y", "x\ny", "x".repeat(500));
        for (String id : HOSTILE_IDS) {
            requests.add(new Object[] {SEM + "set_type/list", with(good, "org_id", id)});
            requests.add(new Object[] {SEM + "set_type", with(good, "metadata_tags", List.of(id))});
            requests.add(new Object[] {SEM + "set_type", with(good, "project_id", id, "metadata_tags", List.of("k"))});
            requests.add(new Object[] {SEM + "set_id/get", with(good, "metadata_tags", List.of(id))});
            requests.add(new Object[] {SEM + "set_id/list", with(good, "set_metadata", Map.of(id, "v"))});
            requests.add(new Object[] {SEM + "set_type/delete", with(good, "set_type_id", id)});
            requests.add(new Object[] {SEM + "category/template", with(good, "set_type_id", id, "category_name", "c",
                    "prompt", "p")});
            requests.add(new Object[] {SEM + "category/template/list", with(good, "set_type_id", id)});
            for (String path : List.of("category/get", "category/set_ids/get", "category/delete")) {
                requests.add(new Object[] {SEM + path, with(good, "category_id", id)});
            }
            requests.add(new Object[] {SEM + "category/tag", with(good, "category_id", id, "tag_name", "t",
                    "tag_description", "d")});
            requests.add(new Object[] {SEM + "category/tag/delete", with(good, "tag_id", id)});
            for (String path : List.of("set/configure", "set/get", "category/list")) {
                requests.add(new Object[] {SEM + path, with(good, "set_id", id)});
            }
            requests.add(new Object[] {SEM + "category", with(good, "set_id", id, "category_name", "c", "prompt", "p")});
            requests.add(new Object[] {SEM + "category/disable", with(good, "set_id", id, "category_name", "goals")});
            requests.add(new Object[] {SEM + "category/disable", with(good, "set_id", setId, "category_name", id)});
            requests.add(new Object[] {SEM + "category/enable", with(good, "set_id", setId, "category_name", id)});
        }
        for (String name : invalidNames) {
            requests.add(new Object[] {SEM + "category", with(good, "set_id", setId, "category_name", name, "prompt", "p")});
            requests.add(new Object[] {SEM + "category/template", with(good, "set_type_id", typeId, "category_name", name,
                    "prompt", "p")});
            requests.add(new Object[] {SEM + "category/tag", with(good, "category_id", categoryId, "tag_name", name,
                    "tag_description", "d")});
            requests.add(new Object[] {SEM + "set_type", with(good, "metadata_tags", List.of("k2"), "name", name)});
            requests.add(new Object[] {SEM + "set/configure", with(good, "set_id", setId, "llm_name", name)});
            requests.add(new Object[] {SEM + "set_id/get", with(good, "metadata_tags", List.of("team"),
                    "set_metadata", Map.of("team", name))});
        }
        for (String prompt : List.of("", " ", "x\u0000y", "x".repeat(20_000))) {
            requests.add(new Object[] {SEM + "category", with(good, "set_id", setId, "category_name", "n", "prompt", prompt)});
        }
        requests.add(new Object[] {SEM + "set_id/get", with(good, "metadata_tags", List.of("team"),
                "set_metadata", Map.of("team", "a/b"))});
        requests.add(new Object[] {SEM + "set_id/list", with(good, "set_metadata", Map.of("producer_id", "x\u0001"))});
        Object[] wrongTypes = {42, true, List.of("x"), Map.of("a", 1), 1.5, -1};
        for (Object wrong : wrongTypes) {
            if (!(wrong instanceof List)) {
                requests.add(new Object[] {SEM + "set_type", with(good, "metadata_tags", wrong)});
            }
            requests.add(new Object[] {SEM + "set_type", with(good, "metadata_tags", List.of(wrong))});
            requests.add(new Object[] {SEM + "set_type", with(good, "metadata_tags", List.of("k3"), "is_org_level", List.of(wrong))});
            requests.add(new Object[] {SEM + "set_id/get", with(good, "metadata_tags", List.of("team"),
                    "set_metadata", Map.of("team", List.of(wrong)))});
            requests.add(new Object[] {SEM + "set/configure", with(good, "set_id", setId, "embedder_name", List.of(wrong))});
            requests.add(new Object[] {SEM + "category/get", with(good, "category_id", List.of(wrong))});
            requests.add(new Object[] {SEM + "category/tag", with(good, "category_id", categoryId, "tag_name", "t2",
                    "tag_description", List.of(wrong))});
            if (!(wrong instanceof List) && !(wrong instanceof Map)) {
                requests.add(new Object[] {SEM + "category", with(good, "set_id", wrong, "category_name", "c", "prompt", "p")});
                requests.add(new Object[] {SEM + "category/delete", with(good, "category_id", wrong)});
            }
        }
        // conflicts, missing fields, other scopes' ids, ids that try SQL
        requests.add(new Object[] {SEM + "set_type", with(good, "metadata_tags", List.of("team"), "name", "Other")});
        requests.add(new Object[] {SEM + "set_type", with(good, "metadata_tags", List.of("k4"), "name", "Teams")});
        requests.add(new Object[] {SEM + "set_type", good});
        requests.add(new Object[] {SEM + "set_id/get", good});
        requests.add(new Object[] {SEM + "category", with(good, "set_id", setId, "category_name", "prefs", "prompt", "p")});
        requests.add(new Object[] {SEM + "category", with(good, "set_id", setId, "category_name", "c")});
        requests.add(new Object[] {SEM + "category/template", with(good, "set_type_id", typeId, "category_name", "goals",
                "prompt", "p")});
        requests.add(new Object[] {SEM + "category/tag", with(good, "category_id", categoryId, "tag_name", "Food",
                "tag_description", "again")});
        requests.add(new Object[] {SEM + "category/tag", with(good, "category_id", categoryId, "tag_name", "t")});
        requests.add(new Object[] {SEM + "category/disable", with(good, "set_id", setId, "category_name", "nope")});
        requests.add(new Object[] {SEM + "category/enable", with(good, "set_id", setId, "category_name", "nope")});
        requests.add(new Object[] {SEM + "category/delete", with(good, "category_id", categoryId + " OR 1=1")});
        requests.add(new Object[] {SEM + "category/delete", with(good, "category_id", "-" + categoryId)});
        requests.add(new Object[] {SEM + "category/delete", with(good, "category_id", "99999999999999999999999")});
        Map<String, Object> elsewhere = scope("elsewhere");
        requests.add(new Object[] {SEM + "set_type/delete", with(elsewhere, "set_type_id", typeId)});
        requests.add(new Object[] {SEM + "category/delete", with(elsewhere, "category_id", categoryId)});
        requests.add(new Object[] {SEM + "category/delete", with(elsewhere, "category_id", templateId)});
        requests.add(new Object[] {SEM + "category/tag/delete", with(elsewhere, "tag_id", tagId)});
        requests.add(new Object[] {SEM + "category/tag", with(elsewhere, "category_id", categoryId, "tag_name", "x",
                "tag_description", "y")});
        requests.add(new Object[] {SEM + "set/configure", with(elsewhere, "set_id", setId, "llm_name", "x")});
        requests.add(new Object[] {SEM + "category/disable", with(elsewhere, "set_id", setId, "category_name", "prefs")});
        requests.add(new Object[] {SEM + "category/template", with(elsewhere, "set_type_id", typeId,
                "category_name", "x", "prompt", "y")});

        assertThat(requests).hasSizeGreaterThan(500);
        assertCleanRejections(requests);
        assertThat(configSnapshot("config") + configSnapshot("elsewhere") + snapshot()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object body) {
        return (Map<String, Object>) body;
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
