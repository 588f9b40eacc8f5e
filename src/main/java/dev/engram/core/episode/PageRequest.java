package dev.engram.core.episode;

import dev.engram.core.InvalidInputException;

/** A page of a listing: {@code size} items from {@code number * size} on (0-based, like MemMachine). */
public record PageRequest(int size, int number) {
    public static final int MAX_SIZE = 10_000;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("page_size", "must be between 1 and " + MAX_SIZE + " (got " + size + ")");
        }
        if (number < 0) {
            throw new InvalidInputException("page_num", "must not be negative (got " + number + ")");
        }
    }

    public long offset() {
        return (long) size * number;
    }
}
