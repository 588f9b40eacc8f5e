package dev.engram.core.scope;

import dev.engram.core.InvalidInputException;

/**
 * A filter expression that does not parse or does not type-check. The message names the
 * position and what was expected; {@link #position()} is the 0-based offset into the expression.
 */
public final class FilterSyntaxException extends InvalidInputException {
    /** The name of the request field that holds a filter expression. */
    public static final String FIELD = "filter";

    private final int position;

    public FilterSyntaxException(int position, String message) {
        super(FIELD, message);
        this.position = position;
    }

    /** The 0-based offset into the expression where the problem was found. */
    public int position() {
        return position;
    }
}
