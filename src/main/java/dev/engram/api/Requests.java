package dev.engram.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Timestamps;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Filters;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.MemoryType;
import dev.engram.core.scope.Scope;
import dev.engram.core.scope.SystemField;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading MemMachine's request models into core values; shared by the memory resources. */
final class Requests {
    static final int MAX_MESSAGES = 1_000;
    static final int MAX_IDS = 10_000;

    private Requests() {
    }

    /** A MemoryMessage; {@code producer_id}, {@code produced_for_id}, {@code producer_role} are accepted too (#1089). */
    static NewEpisode message(Body m, Clock clock) {
        String content = m.requiredString("content");
        String producer = m.string("producer", m.string("producer_id", "user"));
        String producedFor = m.string("produced_for", m.string("produced_for_id", ""));
        String role = m.string("role", m.string("producer_role", ""));
        Instant at = timestamp(m, clock);
        Map<String, String> metadata = m.stringMap("metadata");
        String type = m.string("episode_type", Episode.MESSAGE);
        if (!Episode.MESSAGE.equals(type)) {
            throw RequestException.of(m.pathOf("episode_type"), "Input should be 'message'");
        }
        return m.validated(() -> new NewEpisode(producer.isEmpty() ? "user" : producer, producedFor, role, content,
                at, metadata));
    }

    private static Instant timestamp(Body m, Clock clock) {
        JsonNode value = m.raw("timestamp");
        if (value == null) {
            return clock.instant();
        }
        if (value.isNumber()) {
            return m.validated(() -> Timestamps.fromEpoch("timestamp", value.decimalValue()));
        }
        if (value.isTextual()) {
            return m.validated(() -> Timestamps.parse("timestamp", value.textValue()));
        }
        throw RequestException.of(m.pathOf("timestamp"), "Input should be a valid datetime");
    }

    /** {@code types}: a list of "episodic" / "semantic"; empty means both. */
    static Set<MemoryType> types(Body body, String name) {
        Set<MemoryType> types = EnumSet.noneOf(MemoryType.class);
        List<String> names = body.strings(name, 10);
        for (int i = 0; i < names.size(); i++) {
            String each = names.get(i);
            types.add(body.validated(() -> {
                try {
                    return MemoryType.fromWire(each);
                } catch (dev.engram.core.InvalidInputException e) {
                    throw RequestException.of(body.pathOf(name), "Input should be 'episodic' or 'semantic'");
                }
            }));
        }
        return types;
    }

    /**
     * The filter: MemMachine's string language, or (an Engram addition) the dict form
     * {@code {"producer": "alice", "m.topic": "travel"}} that MemMachine's SDK documentation shows.
     */
    static Filter filter(Body body) {
        JsonNode value = body.raw("filter");
        if (value == null) {
            return Filter.all();
        }
        if (value.isTextual()) {
            return body.validated(() -> FilterParser.parse(value.textValue()));
        }
        if (value.isObject()) {
            Map<String, Object> dict = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> dict.put(e.getKey(), plain(e.getValue())));
            return body.validated(() -> Filters.fromMap(dict));
        }
        throw RequestException.of(body.pathOf("filter"), "Input should be a filter string or an object of field: value");
    }

    private static Object plain(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().bitLength() < 64 ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(plain(item)));
            return items;
        }
        return node.toString();
    }

    /**
     * {@code set_metadata} selects profile sets (MemMachine): given keys such as
     * {@code {"producer_id": "alice"}}, facts come from the project's set and the set those keys
     * name. Returns {@code Filter.ALL} when absent.
     */
    static Filter sets(Body body, Scope scope) {
        JsonNode value = body.object("set_metadata");
        if (value == null || value.isEmpty()) {
            return Filter.all();
        }
        Map<String, String> tags = body.stringifiedMap("set_metadata");
        String selected = body.validated(() -> {
            tags.keySet().forEach(key -> dev.engram.core.scope.Ids.requireMetadataKey("set_metadata", key));
            return SetIds.customSet(scope, tags);
        });
        return new Filter.In(FilterField.of(SystemField.SET_ID),
                List.of(Literal.text(SetIds.projectSet(scope)), Literal.text(selected)), false);
    }

    /**
     * The union of {@code one} and {@code many} ids of things to act on; at least one. Engram's
     * ids are decimal integers, so any other id names nothing: not found, as MemMachine answers
     * for an id it does not have.
     */
    static List<Long> ids(Body body, String one, String many, String what, Scope scope) {
        Set<String> given = new LinkedHashSet<>();
        if (body.has(one)) {
            given.add(body.string(one, null).strip());
        }
        given.addAll(body.strings(many, MAX_IDS).stream().map(String::strip).toList());
        if (given.isEmpty()) {
            throw RequestException.of("body", "At least one " + what + " ID must be provided");
        }
        return given.stream().map(text -> existing(text, what, scope)).toList();
    }

    /** An id of something that must exist; one that cannot be an Engram id is not found. */
    static long existing(String text, String what, Scope scope) {
        if (!text.matches("[0-9]{1,18}")) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new dev.engram.core.NotFoundException(what.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + what.substring(1) + " '" + shown.replaceAll("\\p{Cntrl}", "?") + "' not found in " + scope);
        }
        return Long.parseLong(text);
    }

    static long id(String text, String path, String what) {
        if (!text.matches("[0-9]{1,18}")) {
            throw RequestException.of(path, "must be a " + what + " id: a decimal integer");
        }
        return Long.parseLong(text);
    }
}
