package dev.engram.core.ingest;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the small JSON texts of prompts and schemas (the core has no JSON library). */
final class JsonText {
    private JsonText() {
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String array(Collection<String> values) {
        return values.stream().map(JsonText::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** An object of string values, keys in the map's order. */
    static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> string(e.getKey()) + ": " + string(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
