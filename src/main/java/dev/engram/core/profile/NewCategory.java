package dev.engram.core.profile;

/**
 * A category to create on a set or a set type: a name (the {@code category} of the facts it
 * extracts), the prompt that describes what to extract, and an optional description.
 */
public record NewCategory(String name, String prompt, String description) {
    public NewCategory {
        name = ConfigText.name("category_name", name);
        prompt = NewFact.requireText("prompt", prompt, ConfigText.MAX_PROMPT);
        description = ConfigText.optional("description", description, ConfigText.MAX_DESCRIPTION);
    }
}
