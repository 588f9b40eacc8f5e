package dev.engram.core.scope;

import java.time.Instant;

/** A project: the container of one scope's memories. */
public record Project(Scope scope, String description, Instant createdAt) {
    public Project {
        description = description == null ? "" : description;
    }
}
