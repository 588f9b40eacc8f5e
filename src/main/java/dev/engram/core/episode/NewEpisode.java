package dev.engram.core.episode;

import dev.engram.core.InvalidInputException;
import dev.engram.core.scope.Ids;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A message to remember, validated: every component is safe to store as given. */
public record NewEpisode(
        String producer,
        String producedFor,
        String role,
        String content,
        Instant createdAt,
        Map<String, String> metadata) {

    public static final int MAX_CONTENT_LENGTH = 200_000;
    public static final int MAX_ROLE_LENGTH = 64;

    public NewEpisode {
        producer = Ids.requireActor("producer", producer);
        producedFor = Ids.optionalActor("produced_for", producedFor);
        role = requireRole(role);
        content = requireContent(content);
        // Stores keep millisecond precision; truncating here makes what is returned equal what is stored.
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        metadata = Ids.requireMetadata("metadata", metadata);
    }

    private static String requireRole(String role) {
        if (role == null) {
            return "";
        }
        if (role.length() > MAX_ROLE_LENGTH || role.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("role",
                    "must be at most " + MAX_ROLE_LENGTH + " characters without control characters");
        }
        return role;
    }

    static String requireContent(String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidInputException("content", "must not be empty");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new InvalidInputException("content",
                    "must be at most " + MAX_CONTENT_LENGTH + " characters (got " + content.length() + ")");
        }
        if (content.indexOf('\0') >= 0) {
            throw new InvalidInputException("content", "must not contain NUL characters");
        }
        return Ids.requireWellFormed("content", content);
    }
}
