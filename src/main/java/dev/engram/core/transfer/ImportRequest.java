package dev.engram.core.transfer;

import dev.engram.core.scope.Ids;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;

/**
 * A file to import: its format ({@link ImportFormat#AUTO} recognises it), the scope to import
 * into (null: the one an Engram export names), the conflict policy, and for a ChatGPT export the
 * producer of the person's own messages ({@code user} by default; the answers are {@code assistant}).
 */
public record ImportRequest(Path file, ImportFormat format, Scope target, ConflictPolicy policy, String user) {
    public static final String DEFAULT_USER = "user";

    public ImportRequest {
        format = format == null ? ImportFormat.AUTO : format;
        policy = policy == null ? ConflictPolicy.SKIP : policy;
        user = user == null || user.isBlank() ? DEFAULT_USER : Ids.requireActor("user", user);
    }
}
