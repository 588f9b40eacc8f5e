package dev.engram.core.profile;

/**
 * A category as it applies to one set: {@code inherited} when the set does not own it (a set
 * type's template or a built-in), {@code enabled} unless the set disabled it.
 */
public record CategoryRef(Category category, boolean inherited, boolean enabled) {
}
