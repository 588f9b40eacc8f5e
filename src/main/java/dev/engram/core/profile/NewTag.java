package dev.engram.core.profile;

/** A tag to add to a category: the outer key of the facts it extracts, and what belongs under it. */
public record NewTag(String name, String description) {
    public NewTag {
        name = ConfigText.name("tag_name", name);
        description = ConfigText.text("tag_description", description, ConfigText.MAX_DESCRIPTION);
    }
}
