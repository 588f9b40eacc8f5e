package dev.engram.core.scope;

import java.util.List;
import java.util.Optional;

/** Where projects are kept. Creating an existing project is a {@code ConflictException}. */
public interface ProjectStore {
    Project create(Scope scope, String description);

    /** Returns the project, creating it with an empty description when it does not exist yet. */
    Project openOrCreate(Scope scope);

    Optional<Project> find(Scope scope);

    /** Every project of every organisation, ordered by org then project. */
    List<Project> list();

    /** The project's episodic switches; empty when the project does not exist. */
    Optional<EpisodicConfig> episodicConfig(Scope scope);

    /** Stores the switches; throws {@code NotFoundException} when the project does not exist. */
    void setEpisodicConfig(Scope scope, EpisodicConfig config);

    /** Removes the project entry (its memories are deleted by the caller first); false if unknown. */
    boolean delete(Scope scope);
}
