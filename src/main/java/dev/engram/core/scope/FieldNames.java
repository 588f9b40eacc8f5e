package dev.engram.core.scope;

import dev.engram.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Resolves the field names a filter may use: system fields, their aliases, and metadata keys. */
final class FieldNames {
    private static final List<String> METADATA_PREFIXES = List.of("m.", "metadata.");

    private FieldNames() {
    }

    /**
     * The field a name denotes: a system field or alias (case-insensitive), or {@code m.<key>} /
     * {@code metadata.<key>} (the key is case-sensitive).
     *
     * @throws FilterValues.Problem when the name is not a field or its metadata key is invalid
     */
    static FilterField resolve(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : METADATA_PREFIXES) {
            if (lower.startsWith(prefix)) {
                String key = name.substring(prefix.length());
                if (key.isEmpty()) {
                    throw new FilterValues.Problem("missing metadata key after " + Ids.quote(name),
                            "expected " + prefix + "<key>, e.g. " + prefix + "topic");
                }
                try {
                    return FilterField.metadata(key);
                } catch (InvalidInputException e) {
                    throw new FilterValues.Problem("invalid metadata key " + Ids.quote(key), "expected at most "
                            + Ids.MAX_ID_LENGTH + " letters, digits, '_', '.', '-' and ':'");
                }
            }
        }
        SystemField system = SystemField.byName(name);
        if (system == null) {
            throw new FilterValues.Problem("unknown field " + Ids.quote(name), hint(name));
        }
        return FilterField.of(system);
    }

    /** The list of allowed names, for "unknown field" messages. */
    static String allowed() {
        List<String> canonical = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (SystemField field : SystemField.values()) {
            canonical.add(field.canonicalName());
            aliases.addAll(field.aliases());
        }
        return "allowed fields: " + String.join(", ", canonical) + ", m.<key> (also metadata.<key>; aliases: "
                + String.join(", ", aliases) + ")";
    }

    /** What follows "unknown field 'x' at position N": the allowed names, and the metadata form. */
    private static String hint(String name) {
        String metadataForm;
        try {
            metadataForm = "; for a metadata key write m." + Ids.requireMetadataKey("filter", name);
        } catch (InvalidInputException e) {
            metadataForm = "";
        }
        return allowed() + metadataForm;
    }
}
