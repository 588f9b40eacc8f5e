package dev.engram.core;

/**
 * Input the caller can fix: a bad id, a malformed filter, a missing field. {@code field} names
 * the offending input (for example {@code messages[0].producer}) when one field is at fault.
 */
public class InvalidInputException extends EngramException {
    private final String field;

    public InvalidInputException(String message) {
        this(null, message);
    }

    public InvalidInputException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** The offending input's name, or null when the error is not about one field. */
    public String field() {
        return field;
    }

    /** The same error with its field name prefixed, e.g. {@code messages[2].} + {@code producer}. */
    public InvalidInputException under(String prefix) {
        String reason = field == null ? getMessage() : getMessage().substring(field.length() + 2);
        return new InvalidInputException(field == null ? prefix : prefix + "." + field, reason);
    }
}
