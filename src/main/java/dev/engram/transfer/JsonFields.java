package dev.engram.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.episode.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads typed fields of a JSON object; a missing or mistyped field is an error naming it. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(what, "must be a JSON object");
        }
        return node;
    }

    static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /** A string field; null when absent or null. */
    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return value.asText();
    }

    static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        return value.asLong();
    }

    static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        return value.asInt();
    }

    static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(field, "must be true or false");
        }
        return value.asBoolean();
    }

    static Instant instant(JsonNode node, String field) {
        Instant value = optionalInstant(node, field);
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /** ISO-8601 text, epoch seconds or epoch milliseconds (as MemMachine accepts); null when absent. */
    static Instant optionalInstant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Timestamps.fromEpoch(field, value.decimalValue());
        }
        if (value.isTextual()) {
            return Timestamps.parse(field, value.asText());
        }
        throw new InvalidInputException(field, "must be an ISO-8601 string or an epoch number");
    }

    /**
     * A map of strings; numbers and booleans are taken as their text, anything else is an error.
     * Empty when absent.
     */
    static Map<String, String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidInputException(field, "must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode v = entry.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw new InvalidInputException(field + "." + entry.getKey(), "must be a string");
            }
            out.put(entry.getKey(), v.asText());
        }
        return out;
    }

    /** An array field; an empty array when absent or null. */
    static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field, "must be an array");
        }
        return value;
    }
}
