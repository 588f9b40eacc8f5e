package dev.engram.cli;

import dev.engram.core.InvalidInputException;
import dev.engram.core.memory.MemoryService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "delete", description = "Forget episodes and facts (all or none: an unknown id changes nothing).")
final class DeleteCommand extends MemoryCommand {
    @Option(names = "--episode", paramLabel = "UID", description = "Episode uid, repeatable.")
    List<Long> episodes = new ArrayList<>();

    @Option(names = "--fact", paramLabel = "ID", description = "Fact id, repeatable.")
    List<Long> facts = new ArrayList<>();

    DeleteCommand(EngramOpener opener) {
        super(opener);
    }

    @Override
    void validate() {
        if (episodes.isEmpty() && facts.isEmpty()) {
            throw new InvalidInputException("Name at least one --episode or --fact to delete.");
        }
    }

    @Override
    void run(MemoryService memory, Output output) {
        if (!episodes.isEmpty()) {
            memory.deleteEpisodes(options.scope(), episodes, "cli");
            output.line("Deleted %d episode(s) from %s.", episodes.size(), options.scope());
        }
        if (!facts.isEmpty()) {
            memory.profile().delete(options.scope(), facts, "cli");
            output.line("Deleted %d fact(s) from %s.", facts.size(), options.scope());
        }
    }
}
