package dev.engram.core.profile;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Ids;

/** The text rules of semantic configuration: names, prompts and descriptions. */
public final class ConfigText {
    static final int MAX_NAME = NewFact.MAX_NAME_LENGTH;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_PROMPT = 16_000;

    private ConfigText() {
    }

    /** A name: not blank, at most 200 characters, no control characters at all. */
    public static String name(String field, String value) {
        String checked = NewFact.requireText(field, value, MAX_NAME);
        if (checked.indexOf('\n') >= 0 || checked.indexOf('\t') >= 0) {
            throw new InvalidInputException(field, "must not contain control characters");
        }
        return checked;
    }

    /** Optional text (null stays null): bounded, no control characters but tab and newline. */
    public static String optional(String field, String value, int max) {
        return value == null ? null : text(field, value, max);
    }

    /** Text that may be empty but not absent. */
    static String text(String field, String value, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
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
