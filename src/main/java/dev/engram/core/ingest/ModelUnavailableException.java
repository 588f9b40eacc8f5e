package dev.engram.core.ingest;

import dev.engram.core.EngramException;

/** The language model server cannot be reached (not running, wrong URL) or timed out. */
public class ModelUnavailableException extends EngramException {
    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
