package dev.engram.core;

/** The request clashes with what is stored (for example a project that already exists). */
public class ConflictException extends EngramException {
    public ConflictException(String message) {
        super(message);
    }
}
