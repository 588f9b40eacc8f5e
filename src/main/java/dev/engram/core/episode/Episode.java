package dev.engram.core.episode;

import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.Map;

/**
 * One remembered message. {@code uid} is unique and increasing per store; {@code producedFor}
 * is null when the message was not addressed to anyone in particular.
 */
public record Episode(
        long uid,
        Scope scope,
        String producer,
        String producedFor,
        String role,
        String content,
        Instant createdAt,
        Map<String, String> metadata,
        String episodeType) {

    /** The only episode type MemMachine defines. */
    public static final String MESSAGE = "message";

    public Episode {
        metadata = Map.copyOf(metadata);
        role = role == null ? "" : role;
    }

    /** The uid as the wire carries it: a decimal string. */
    public String uidString() {
        return Long.toString(uid);
    }
}
