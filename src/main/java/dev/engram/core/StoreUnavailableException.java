package dev.engram.core;

/** A store cannot be opened or used (locked by another process, disk full, corrupt). */
public class StoreUnavailableException extends EngramException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
