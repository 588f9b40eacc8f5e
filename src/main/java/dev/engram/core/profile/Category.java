package dev.engram.core.profile;

import java.util.List;

/**
 * A category: what one extraction looks for. {@code originId} is the owning set id, set type id
 * or built-in name; {@code id} is null for a built-in category.
 */
public record Category(Long id, String name, String prompt, String description, CategoryOrigin origin,
                       String originId, List<Tag> tags) {
    public Category {
        tags = List.copyOf(tags);
    }

    public String idString() {
        return id == null ? null : Long.toString(id);
    }
}
