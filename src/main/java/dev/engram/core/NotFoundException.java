package dev.engram.core;

/** Something the caller named (a project, an episode, a fact) does not exist in the scope. */
public class NotFoundException extends EngramException {
    public NotFoundException(String message) {
        super(message);
    }
}
