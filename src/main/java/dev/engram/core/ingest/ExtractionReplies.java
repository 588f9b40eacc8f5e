package dev.engram.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a model's parsed answer against what was asked. A wrong shape is invalid output (worth
 * a retry); a command with a tag the category does not have is dropped with a warning.
 */
final class ExtractionReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractionReplies.class);
    static final int MAX_NAME = 200;
    static final int MAX_VALUE = 2_000;

    private ExtractionReplies() {
    }

    static List<FactCommand> commands(Object answer, ExtractionCategory category) {
        Object commands = field(answer, "commands");
        if (!(commands instanceof List<?> list)) {
            throw invalid("\"commands\" must be a list");
        }
        Set<String> tags = Set.copyOf(category.tagNames());
        List<FactCommand> out = new ArrayList<>();
        for (Object item : list) {
            String command = text(item, "command").toLowerCase(Locale.ROOT);
            FactCommand.Kind kind = switch (command) {
                case "add" -> FactCommand.Kind.ADD;
                case "update" -> FactCommand.Kind.UPDATE;
                case "delete" -> FactCommand.Kind.DELETE;
                default -> throw invalid("unknown command \"" + command + "\"");
            };
            String tag = text(item, "tag");
            String feature = text(item, "feature");
            String value = kind == FactCommand.Kind.DELETE && field(item, "value") == null ? "" : text(item, "value");
            if (!tags.contains(tag)) {
                LOG.warn("Extraction used tag \"{}\", which category {} does not have; dropped", tag, category.name());
                continue;
            }
            if (feature.isBlank() || feature.length() > MAX_NAME || (kind != FactCommand.Kind.DELETE && value.isBlank())) {
                throw invalid("a command needs a feature and, unless it deletes, a value");
            }
            out.add(new FactCommand(kind, tag, feature, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value));
        }
        return out;
    }

    static Object field(Object object, String name) {
        if (!(object instanceof Map<?, ?> map)) {
            throw invalid("expected a JSON object");
        }
        return map.get(name);
    }

    static String text(Object object, String name) {
        Object value = field(object, name);
        if (!(value instanceof String s)) {
            throw invalid("\"" + name + "\" must be a string");
        }
        return s.strip();
    }

    static List<Long> ids(Object object, String name) {
        Object value = field(object, name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("\"" + name + "\" must be a list of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (Object id : list) {
            if (!(id instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw invalid("\"" + name + "\" must hold integer ids");
            }
            ids.add(n.longValue());
        }
        return ids;
    }

    static InvalidModelOutputException invalid(String what) {
        return new InvalidModelOutputException("the model's answer has the wrong shape: " + what);
    }
}
