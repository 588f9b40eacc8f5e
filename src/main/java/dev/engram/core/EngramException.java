package dev.engram.core;

/** Base of the errors Engram reports to a caller; each subclass maps to one kind of answer. */
public abstract class EngramException extends RuntimeException {
    protected EngramException(String message) {
        super(message);
    }

    protected EngramException(String message, Throwable cause) {
        super(message, cause);
    }
}
