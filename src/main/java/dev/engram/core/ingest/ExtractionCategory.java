package dev.engram.core.ingest;

import java.util.List;

/**
 * What extraction looks for in a profile set: a category (its name and a description of what
 * belongs in it) and the tags facts are filed under. The model may only use these tags.
 */
public record ExtractionCategory(String name, String description, List<Tag> tags) {
    public record Tag(String name, String description) {
    }

    public ExtractionCategory {
        tags = List.copyOf(tags);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("category " + name + " has no tags");
        }
    }

    public List<String> tagNames() {
        return tags.stream().map(Tag::name).toList();
    }
}
