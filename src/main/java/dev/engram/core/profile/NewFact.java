package dev.engram.core.profile;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Ids;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A fact to add, validated. {@code producer} may be null (a project-wide fact). */
public record NewFact(
        String setId,
        String producer,
        String category,
        String tag,
        String feature,
        String value,
        FactSource source,
        List<Long> citations,
        Map<String, String> metadata) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_VALUE_LENGTH = 8_000;

    public NewFact {
        setId = requireText("set_id", setId, 512);
        producer = Ids.optionalActor("producer", producer);
        category = requireText("category", category, MAX_NAME_LENGTH);
        tag = requireText("tag", tag, MAX_NAME_LENGTH);
        feature = requireText("feature", feature, MAX_NAME_LENGTH);
        value = requireText("value", value, MAX_VALUE_LENGTH);
        Objects.requireNonNull(source, "source");
        citations = citations == null ? List.of() : List.copyOf(citations);
        metadata = Ids.requireMetadata("metadata", metadata);
    }

    /** Text fields of facts: not blank, bounded, no control characters but tab and newline. */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\t')) {
            throw new InvalidInputException(field, "must not contain control characters");
        }
        return Ids.requireWellFormed(field, value);
    }
}
