package dev.engram.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.transfer.ImportFileException;
import dev.engram.core.transfer.IncomingEpisode;
import dev.engram.core.transfer.RecordSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ChatGPT data export's {@code conversations.json}: an array of conversations whose messages
 * form a tree ({@code mapping}: node id to {@code {message, parent, children}}). Each
 * conversation is read as ChatGPT last showed it, the branch from the root to
 * {@code current_node}; regenerated answers left on other branches are not imported. The user's
 * and the assistant's visible text messages become episodes (role, create_time, and in metadata
 * {@code source=chatgpt}, {@code conversation_id}, {@code conversation_title}, {@code message_id});
 * system, tool and hidden messages and non-text content are skipped.
 */
final class ChatGptSource implements RecordSource {
    static final String ASSISTANT = "assistant";
    private static final int MAX_TITLE = 500;

    private final Path file;
    private final String name;
    private final String user;

    /** {@code user}: the producer of the person's own messages. */
    ChatGptSource(Path file, String user) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.user = user;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(Handler handler) {
        long[] position = {0};
        JsonArrays.read(file, name, "conversations", (conversation, index, line) -> {
            String title = conversation.path("title").asText("");
            try {
                for (NewEpisode message : messages(conversation)) {
                    handler.episode(IncomingEpisode.of(++position[0], message), line);
                }
            } catch (ImportFileException e) {
                throw e;
            } catch (InvalidInputException e) {
                throw new InvalidInputException("conversation " + (index + 1)
                        + (title.isBlank() ? "" : " ('" + abbreviate(title, 60) + "')") + ": " + e.getMessage());
            }
        });
    }

    private List<NewEpisode> messages(JsonNode conversation) {
        JsonNode mapping = JsonFields.object(conversation.get("mapping"), "mapping");
        String id = JsonFields.optionalText(conversation, conversation.has("conversation_id") ? "conversation_id" : "id");
        String title = abbreviate(conversation.path("title").asText(""), MAX_TITLE);
        Instant started = JsonFields.optionalInstant(conversation, "create_time");
        List<NewEpisode> out = new ArrayList<>();
        for (JsonNode node : branch(mapping, JsonFields.optionalText(conversation, "current_node"))) {
            JsonNode message = node.get("message");
            if (message == null || message.isNull()) {
                continue;
            }
            String role = message.path("author").path("role").asText("");
            String text = text(message.path("content"));
            boolean hidden = message.path("metadata").path("is_visually_hidden_from_conversation").asBoolean(false);
            if (!(role.equals("user") || role.equals(ASSISTANT)) || hidden || text.isBlank()) {
                continue;
            }
            String messageId = message.path("id").asText(node.path("id").asText(""));
            Instant at = JsonFields.optionalInstant(message, "create_time");
            if (at == null && (at = started) == null) {
                throw new InvalidInputException("message " + messageId, "has no create_time");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("source", "chatgpt");
            if (id != null) {
                metadata.put("conversation_id", id);
            }
            if (!title.isBlank()) {
                metadata.put("conversation_title", title);
            }
            if (!messageId.isBlank()) {
                metadata.put("message_id", messageId);
            }
            boolean mine = role.equals("user");
            out.add(new NewEpisode(mine ? user : ASSISTANT, mine ? ASSISTANT : user, role, text, at, metadata));
        }
        return out;
    }

    /** The nodes from the root to {@code current} (or, without it, along the last children). */
    private static List<JsonNode> branch(JsonNode mapping, String current) {
        List<JsonNode> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (current != null && mapping.has(current)) {
            for (String at = current; at != null && mapping.has(at) && seen.add(at); ) {
                JsonNode node = mapping.get(at);
                path.add(node);
                at = JsonFields.optionalText(node, "parent");
            }
            Collections.reverse(path);
            return path;
        }
        String at = null;
        for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
            String parent = JsonFields.optionalText(entry.getValue(), "parent");
            if (parent == null || !mapping.has(parent)) {
                at = entry.getKey();
                break;
            }
        }
        while (at != null && mapping.has(at) && seen.add(at)) {
            JsonNode node = mapping.get(at);
            path.add(node);
            JsonNode children = node.path("children");
            at = children.isArray() && !children.isEmpty() ? children.get(children.size() - 1).asText() : null;
        }
        return path;
    }

    /** Text parts of text and multimodal messages, the code of code messages; empty for anything else. */
    private static String text(JsonNode content) {
        String type = content.path("content_type").asText("");
        if (type.equals("code")) {
            return content.path("text").asText("");
        }
        if (!type.equals("text") && !type.equals("multimodal_text")) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        content.path("parts").forEach(part -> {
            if (part.isTextual() && !part.asText().isBlank()) {
                parts.add(part.asText());
            }
        });
        return String.join("\n", parts);
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
