package dev.engram.core.profile;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Ids;

/** The rules for set ids and for the metadata values that go into them. */
public final class SetIdRules {
    public static final int MAX_SET_ID = 512;
    public static final int MAX_VALUE = 256;

    private SetIdRules() {
    }

    /** A set id given by a caller: not blank, bounded, no '/' and no control characters. */
    public static String requireSetId(String field, String value) {
        return check(field, value, MAX_SET_ID);
    }

    /** A metadata value that names a set: the same rules, shorter. */
    public static String requireValue(String field, String value) {
        return check(field, value, MAX_VALUE);
    }

    /** A set id made from values must fit where set ids are stored. */
    public static String requireMadeIdFits(String field, String setId) {
        if (setId.length() > MAX_SET_ID) {
            throw new InvalidInputException(field, "the set id these values make is longer than " + MAX_SET_ID
                    + " characters; use shorter values");
        }
        return setId;
    }

    /** Text for a message: cut short, control characters replaced. */
    public static String shown(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String check(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        if (value.indexOf('/') >= 0 || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "must not contain '/' or control characters");
        }
        return Ids.requireWellFormed(field, value);
    }
}
