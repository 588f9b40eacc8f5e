package dev.engram.core.ingest;

import dev.engram.core.EngramException;

/** The language model server answered, but with an error (unknown model, bad request, crash). */
public class ModelErrorException extends EngramException {
    public ModelErrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
