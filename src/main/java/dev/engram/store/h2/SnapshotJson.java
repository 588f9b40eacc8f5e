package dev.engram.store.h2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.core.profile.FactSnapshot;
import dev.engram.core.profile.FactStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link FactSnapshot} in {@code fact_history}: an explicit, stable shape
 * {@code {"category","tag","feature","value","status","citations":[..],"metadata":{..}}}, so
 * that renaming a record component never breaks history already on disk.
 */
final class SnapshotJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String write(FactSnapshot snapshot) {
        if (snapshot == null) {
            return null;
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("category", snapshot.category());
        node.put("tag", snapshot.tag());
        node.put("feature", snapshot.feature());
        node.put("value", snapshot.value());
        node.put("status", snapshot.status().wireName());
        snapshot.citations().forEach(node.putArray("citations")::add);
        ObjectNode metadata = node.putObject("metadata");
        new TreeMap<>(snapshot.metadata()).forEach(metadata::put);
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fact snapshot as JSON", e);
        }
    }

    FactSnapshot read(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(json);
            List<Long> citations = new ArrayList<>();
            node.path("citations").forEach(uid -> citations.add(uid.asLong()));
            Map<String, String> metadata = new HashMap<>();
            node.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
            return new FactSnapshot(node.path("category").asText(), node.path("tag").asText(),
                    node.path("feature").asText(), node.path("value").asText(),
                    FactRows.status(node.path("status").asText()), citations, metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fact history holds invalid JSON", e);
        }
    }
}
