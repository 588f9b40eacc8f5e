package dev.engram.core.ingest;

/**
 * One change the model asks for: {@code ADD} a fact, {@code UPDATE} a feature to a new value
 * (the old value is superseded, not erased), or {@code DELETE} it (archived: valid until now).
 */
public record FactCommand(Kind kind, String tag, String feature, String value) {
    public enum Kind { ADD, UPDATE, DELETE }
}
