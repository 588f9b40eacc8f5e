package dev.engram.core.ingest;

import dev.engram.core.episode.Episode;
import dev.engram.core.profile.ProfileFact;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The prompts and JSON schemas of fact extraction and consolidation. */
public final class ExtractionPrompts {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, MMMM dd, yyyy 'at' hh:mm a", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ExtractionPrompts() {
    }

    /** The schema of an extraction answer; tags are limited to the category's. */
    public static String commandSchema(ExtractionCategory category) {
        return """
                {"type": "object", "required": ["commands"], "properties": {"commands": {"type": "array", "items": {
                  "type": "object", "required": ["command", "tag", "feature", "value"], "properties": {
                    "command": {"type": "string", "enum": ["add", "update", "delete"]},
                    "tag": {"type": "string", "enum": %s},
                    "feature": {"type": "string"},
                    "value": {"type": "string"}}}}}}""".formatted(JsonText.array(category.tagNames()));
    }

    public static List<ChatMessage> extraction(ExtractionCategory category, List<ProfileFact> profile,
                                               List<Episode> messages) {
        String tags = category.tags().stream().map(t -> "- " + t.name() + ": " + t.description())
                .collect(Collectors.joining("\n"));
        String system = """
                You keep a profile of a person, built from what they say in conversations: short facts \
                in the category "%s". Each fact has a tag, a feature (a short snake_case name such as \
                favourite_food) and a value (a short phrase). What belongs in this category: %s

                Tags you may use, and what belongs under each:
                %s

                Read the new messages and answer with JSON {"commands": [...]}. Each command is one of:
                - {"command": "add", "tag", "feature", "value"}: a fact the person states or clearly implies.
                - {"command": "update", "tag", "feature", "value"}: a fact of the current profile whose \
                value changed or was corrected; give the same tag and feature and the new value.
                - {"command": "delete", "tag", "feature", "value": ""}: only when the person says a fact \
                of the current profile is no longer true and gives no new value.

                Rules: one fact per command; short, specific values; only the tags above; never repeat \
                a fact the profile already has; when unsure, say so in the value ("probably ..."); facts \
                about other people only as they relate to this person. If the messages say nothing \
                lasting about the person, answer {"commands": []}."""
                .formatted(category.name(), category.description(), tags);
        String user = "Current profile (tag -> feature -> value):\n" + profileJson(profile)
                + "\n\nNew messages:\n" + render(messages);
        return List.of(ChatMessage.system(system), ChatMessage.user(user));
    }

    /** The schema of a consolidation answer. */
    public static String consolidationSchema() {
        return """
                {"type": "object", "required": ["consolidated", "keep"], "properties": {
                  "consolidated": {"type": "array", "items": {"type": "object",
                    "required": ["feature", "value", "sources"], "properties": {
                      "feature": {"type": "string"}, "value": {"type": "string"},
                      "sources": {"type": "array", "items": {"type": "integer"}}}}},
                  "keep": {"type": "array", "items": {"type": "integer"}}}}""";
    }

    public static List<ChatMessage> consolidation(String tag, List<ProfileFact> facts) {
        String system = """
                You tidy one section ("%s") of a person's profile. Merge facts that say the same thing \
                or belong together (three or more examples of a kind become one list), drop facts that \
                a later one contradicts, and keep facts that stand on their own. Never invent anything \
                that is not in the facts. Answer with JSON {"consolidated": [...], "keep": [...]}: \
                "keep" lists the ids of facts to keep as they are; each consolidated fact has a \
                feature, a value and "sources", the ids of the facts it replaces. Facts in neither \
                list are retired. To change nothing, keep every id and consolidate nothing."""
                .formatted(tag);
        String list = facts.stream().map(f -> "{\"id\": " + f.id() + ", \"feature\": " + JsonText.string(f.feature())
                + ", \"value\": " + JsonText.string(f.value()) + "}").collect(Collectors.joining(",\n", "[\n", "\n]"));
        return List.of(ChatMessage.system(system), ChatMessage.user("Facts:\n" + list));
    }

    /** Messages as the model sees them: {@code [Monday, March 02, 2026 at 07:01 PM] alice: "..."}. */
    public static String render(List<Episode> episodes) {
        List<String> lines = new ArrayList<>();
        for (Episode e : episodes) {
            lines.add("[" + WHEN.format(e.createdAt()) + "] " + e.producer() + ": " + JsonText.string(e.content()));
        }
        return String.join("\n", lines);
    }

    static String profileJson(List<ProfileFact> profile) {
        if (profile.isEmpty()) {
            return "{}";
        }
        Map<String, Map<String, String>> byTag = new LinkedHashMap<>();
        profile.forEach(f -> byTag.computeIfAbsent(f.tag(), t -> new LinkedHashMap<>()).put(f.feature(), f.value()));
        return byTag.entrySet().stream().map(e -> "  " + JsonText.string(e.getKey()) + ": " + JsonText.object(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
    }
}
