package dev.engram.store.neo4j;

import dev.engram.core.ConflictException;
import dev.engram.core.NotFoundException;
import dev.engram.core.scope.EpisodicConfig;
import dev.engram.core.scope.Project;
import dev.engram.core.scope.ProjectStore;
import dev.engram.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ProjectStore} on embedded Neo4j: one {@code :Project} node per scope. */
public final class Neo4jProjectStore implements ProjectStore {
    private static final String PROJECTION = " " + """
            p.org_id AS org_id, p.project_id AS project_id, p.description AS description, p.created_at AS created_at""";

    private final Neo4jDatabase database;

    public Neo4jProjectStore(Neo4jDatabase database) {
        this.database = database;
    }

    @Override
    public Project create(Scope scope, String description) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        params.put("description", description == null ? "" : description);
        return database.write(tx -> {
            try (var result = tx.execute("""
                    MERGE (p:Project {org_id: $org, project_id: $project})
                    ON CREATE SET p.description = $description, p.created_at = timestamp(), p.fresh = true
                    WITH p, coalesce(p.fresh, false) AS created
                    REMOVE p.fresh
                    RETURN created, """ + PROJECTION, params)) {
                Map<String, Object> row = result.next();
                if (!(Boolean) row.get("created")) {
                    throw new ConflictException("Project already exists: " + scope);
                }
                return map(row);
            }
        });
    }

    @Override
    public Project openOrCreate(Scope scope) {
        return database.write(tx -> {
            try (var result = tx.execute("""
                    MERGE (p:Project {org_id: $org, project_id: $project})
                    ON CREATE SET p.description = '', p.created_at = timestamp()
                    RETURN """ + PROJECTION, EpisodeWriter.scopeParams(scope))) {
                return map(result.next());
            }
        });
    }

    @Override
    public Optional<Project> find(Scope scope) {
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (p:Project {org_id: $org, project_id: $project})
                    RETURN """ + PROJECTION, EpisodeWriter.scopeParams(scope))) {
                return result.hasNext() ? Optional.of(map(result.next())) : Optional.empty();
            }
        });
    }

    @Override
    public List<Project> list() {
        return database.read(tx -> {
            try (var result = tx.execute("MATCH (p:Project) RETURN " + PROJECTION
                    + " ORDER BY p.org_id, p.project_id")) {
                List<Project> projects = new ArrayList<>();
                result.forEachRemaining(row -> projects.add(map(row)));
                return projects;
            }
        });
    }

    @Override
    public Optional<EpisodicConfig> episodicConfig(Scope scope) {
        return database.read(tx -> {
            try (var result = tx.execute("""
                    MATCH (p:Project {org_id: $org, project_id: $project})
                    RETURN coalesce(p.episodic_enabled, true) AS enabled,
                           coalesce(p.long_term_enabled, true) AS long_term,
                           coalesce(p.short_term_enabled, true) AS short_term""", EpisodeWriter.scopeParams(scope))) {
                if (!result.hasNext()) {
                    return Optional.empty();
                }
                Map<String, Object> row = result.next();
                return Optional.of(new EpisodicConfig((Boolean) row.get("enabled"), (Boolean) row.get("long_term"),
                        (Boolean) row.get("short_term")));
            }
        });
    }

    @Override
    public void setEpisodicConfig(Scope scope, EpisodicConfig config) {
        Map<String, Object> params = EpisodeWriter.scopeParams(scope);
        params.put("enabled", config.enabled());
        params.put("longTerm", config.longTermEnabled());
        params.put("shortTerm", config.shortTermEnabled());
        boolean found = database.write(tx -> {
            try (var result = tx.execute("""
                    MATCH (p:Project {org_id: $org, project_id: $project})
                    SET p.episodic_enabled = $enabled, p.long_term_enabled = $longTerm, p.short_term_enabled = $shortTerm
                    RETURN count(p) AS n""", params)) {
                return (Long) result.next().get("n") > 0;
            }
        });
        if (!found) {
            throw new NotFoundException("Project does not exist: " + scope);
        }
    }

    @Override
    public boolean delete(Scope scope) {
        return database.write(tx -> {
            try (var result = tx.execute("""
                    MATCH (p:Project {org_id: $org, project_id: $project})
                    DETACH DELETE p
                    RETURN count(*) AS n""", EpisodeWriter.scopeParams(scope))) {
                return (Long) result.next().get("n") > 0;
            }
        });
    }

    private static Project map(Map<String, Object> row) {
        return new Project(new Scope((String) row.get("org_id"), (String) row.get("project_id")),
                (String) row.get("description"), Instant.ofEpochMilli((Long) row.get("created_at")));
    }
}
