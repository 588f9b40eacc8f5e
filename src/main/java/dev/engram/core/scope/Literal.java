package dev.engram.core.scope;

import java.time.Instant;

/**
 * A value in a filter, already typed for the field it is compared with: text for text fields,
 * an integer for {@code uid}, an instant for times; metadata accepts text or a number (a number
 * compares numerically with metadata values that parse as numbers).
 */
public sealed interface Literal {
    record Text(String value) implements Literal {
    }

    record Int(long value) implements Literal {
    }

    record Decimal(double value) implements Literal {
    }

    record Time(Instant value) implements Literal {
    }

    static Text text(String value) {
        return new Text(value);
    }

    /** Whether this literal compares numerically (with metadata values parsed as numbers). */
    default boolean isNumber() {
        return this instanceof Int || this instanceof Decimal;
    }

    /** The value as a plain Java object: String, Long, Double or Instant. */
    default Object raw() {
        return switch (this) {
            case Text t -> t.value();
            case Int i -> i.value();
            case Decimal d -> d.value();
            case Time t -> t.value();
        };
    }
}
