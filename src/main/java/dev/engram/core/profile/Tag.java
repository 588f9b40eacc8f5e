package dev.engram.core.profile;

/** A tag of a category; {@code id} is null for the tags of a built-in category. */
public record Tag(Long id, String name, String description) {
}
