package dev.engram.core.transfer;

import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.scope.EpisodicConfig;
import dev.engram.core.scope.Scope;
import java.time.Instant;

/**
 * The first line of an export: what it holds and how it was made. {@code producer} is null when
 * the whole scope was exported; {@code counts} let an import notice a truncated or edited file.
 */
public record TransferManifest(String format, int formatVersion, Instant exportedAt, String engramVersion,
                               Scope scope, String producer, ProjectInfo project, EmbeddingSpace embedding,
                               Counts counts) {
    public static final String FORMAT = "engram-export";
    public static final int VERSION = 1;

    /** The exported project: its description, creation time and episodic switches. */
    public record ProjectInfo(String description, Instant createdAt, EpisodicConfig episodic) {
    }

    /** How many records of each kind the file holds. */
    public record Counts(long episodes, long revisions, long facts, long factVersions, long historyRows) {
    }
}
