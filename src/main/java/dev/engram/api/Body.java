package dev.engram.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Scope;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, path-aware reading of a JSON object. Every mistake is a {@link RequestException} whose
 * field is the dotted path ({@code messages.2.metadata.topic}), with pydantic's wording, so a
 * MemMachine client sees the messages it knows. Unknown fields are ignored, as pydantic does.
 * A field given as JSON null counts as absent.
 */
final class Body {
    private final JsonNode node;
    private final String path;

    private Body(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static Body of(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        if (!node.isObject()) {
            throw RequestException.of("body", "Input should be a valid dictionary or object");
        }
        return new Body(node, "");
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    boolean has(String name) {
        return field(name) != null;
    }

    JsonNode raw(String name) {
        return field(name);
    }

    /**
     * Runs core validation and rewrites its errors so the field is this body's path to it: a
     * message's {@code producer} error becomes {@code messages.2.producer}.
     */
    <T> T validated(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RequestException e) {
            throw e;
        } catch (InvalidInputException e) {
            String field = e.field();
            String reason = field == null ? e.getMessage() : e.getMessage().substring(field.length() + 2);
            throw RequestException.of(field == null ? (path.isEmpty() ? "body" : path) : pathOf(field), reason);
        }
    }

    String requiredString(String name) {
        String value = string(name, null);
        if (value == null) {
            throw RequestException.of(pathOf(name), "Field required");
        }
        return value;
    }

    String string(String name, String fallback) {
        JsonNode value = field(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw RequestException.of(pathOf(name), "Input should be a valid string");
        }
        return value.textValue();
    }

    int integer(String name, int fallback, int min, int max) {
        JsonNode value = field(name);
        if (value == null) {
            return fallback;
        }
        BigInteger number = integral(value, name);
        if (number.compareTo(BigInteger.valueOf(min)) < 0) {
            throw RequestException.of(pathOf(name), "Input should be greater than or equal to " + min);
        }
        if (number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw RequestException.of(pathOf(name), "Input should be less than or equal to " + max);
        }
        return number.intValue();
    }

    private BigInteger integral(JsonNode value, String name) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            if (decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.toBigIntegerExact();
            }
            throw RequestException.of(pathOf(name), "Input should be a valid integer, got a number with a fractional part");
        }
        throw RequestException.of(pathOf(name), "Input should be a valid integer");
    }

    Double number(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw RequestException.of(pathOf(name), "Input should be a valid number");
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw RequestException.of(pathOf(name), "Input should be a finite number");
        }
        return d;
    }

    boolean bool(String name, boolean fallback) {
        Boolean value = optionalBool(name);
        return value == null ? fallback : value;
    }

    Boolean optionalBool(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw RequestException.of(pathOf(name), "Input should be a valid boolean");
        }
        return value.booleanValue();
    }

    /** A list of objects, each read as a Body; {@code min} items at least. */
    List<Body> objects(String name, int min, int max) {
        List<Body> out = new ArrayList<>();
        JsonNode value = list(name, min, max);
        if (value == null) {
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw RequestException.of(pathOf(name) + "." + i, "Input should be a valid dictionary or object");
            }
            out.add(new Body(item, pathOf(name) + "." + i));
        }
        return out;
    }

    List<String> strings(String name, int max) {
        List<String> out = new ArrayList<>();
        JsonNode value = list(name, 0, max);
        if (value == null) {
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw RequestException.of(pathOf(name) + "." + i, "Input should be a valid string");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private JsonNode list(String name, int min, int max) {
        JsonNode value = field(name);
        if (value == null) {
            if (min > 0) {
                throw RequestException.of(pathOf(name), "Field required");
            }
            return null;
        }
        if (!value.isArray()) {
            throw RequestException.of(pathOf(name), "Input should be a valid list");
        }
        if (value.size() < min) {
            throw RequestException.of(pathOf(name), "List should have at least " + min + " item"
                    + (min == 1 ? "" : "s") + " after validation, not " + value.size());
        }
        if (value.size() > max) {
            throw RequestException.of(pathOf(name), "List should have at most " + max + " items, not " + value.size());
        }
        return value;
    }

    /** A map of string to string; any other value type is an error (MemMachine's metadata rule). */
    Map<String, String> stringMap(String name) {
        return map(name, (path, item) -> {
            if (!item.isTextual()) {
                throw RequestException.of(path, "Input should be a valid string");
            }
            return item.textValue();
        });
    }

    /** A map whose scalar values are turned into text (MemMachine stringifies feature metadata). */
    Map<String, String> stringifiedMap(String name) {
        return map(name, (path, item) -> {
            if (item.isContainerNode()) {
                throw RequestException.of(path, "Input should be a string, number or boolean");
            }
            return item.isNull() ? null : item.isTextual() ? item.textValue() : item.asText();
        });
    }

    /** The entries of an object field, each converted (a null conversion leaves the entry out). */
    private Map<String, String> map(String name, java.util.function.BiFunction<String, JsonNode, String> convert) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode value = object(name);
        if (value == null) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String converted = convert.apply(pathOf(name) + "." + entry.getKey(), entry.getValue());
            if (converted != null) {
                out.put(entry.getKey(), converted);
            }
        }
        return out;
    }

    JsonNode object(String name) {
        JsonNode value = field(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw RequestException.of(pathOf(name), "Input should be a valid dictionary");
        }
        return value;
    }

    /**
     * {@code org_id} and {@code project_id}; when {@code defaults}, a missing one is "universal"
     * (an empty one is invalid, as in MemMachine).
     */
    Scope scope(boolean defaults) {
        String org = defaults ? string("org_id", Scope.DEFAULT_ID) : requiredString("org_id");
        String project = defaults ? string("project_id", Scope.DEFAULT_ID) : requiredString("project_id");
        String o = org;
        String p = project;
        return validated(() -> Scope.of(o, p));
    }
}
