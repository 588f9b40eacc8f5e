package dev.engram.cli;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "projects", description = "List projects (every organisation), or create and delete them.")
final class ProjectsCommand extends MemoryCommand {

    ProjectsCommand(EngramOpener opener) {
        super(opener);
    }

    @Override
    void run(MemoryService memory, Output output) {
        List<Project> projects = memory.projects().list();
        if (options.json) {
            output.json(projects.stream().map(p -> {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("org_id", p.scope().orgId());
                row.put("project_id", p.scope().projectId());
                return row;
            }).toList());
            return;
        }
        output.line("%d project(s):", projects.size());
        for (Project p : projects) {
            output.line("  %-40s %8d episodes  %s", p.scope().key(), memory.countEpisodes(p.scope(), Filter.all()),
                    p.description());
        }
    }

    @Command(name = "create", description = "Create a project.")
    static final class Create extends MemoryCommand {
        @Option(names = "--description", defaultValue = "", description = "What the project is for.")
        String description;

        Create(EngramOpener opener) {
            super(opener);
        }

        @Override
        void run(MemoryService memory, Output output) {
            Project created = memory.createProject(options.scope(), description);
            output.line("Created project %s.", created.scope());
        }
    }

    @Command(name = "delete", description = "Delete a project with all its episodes and facts (that project only).")
    static final class Delete extends MemoryCommand {
        Delete(EngramOpener opener) {
            super(opener);
        }

        @Override
        void run(MemoryService memory, Output output) {
            memory.deleteProject(options.scope());
            output.line("Deleted project %s and its memories.", options.scope());
        }
    }
}
