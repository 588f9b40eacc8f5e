package dev.engram.cli;

import dev.engram.core.episode.Episode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.wire.Views;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "edit", description = "Replace an episode's content (the old text is kept as a revision).")
final class EditCommand extends MemoryCommand {
    @Parameters(index = "0", paramLabel = "UID", description = "Episode uid.")
    long uid;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CONTENT", description = "The new text.")
    List<String> words;

    EditCommand(EngramOpener opener) {
        super(opener);
    }

    @Override
    void run(MemoryService memory, Output output) {
        Episode edited = memory.episodes().edit(options.scope(), uid, String.join(" ", words));
        if (options.json) {
            output.json(Views.recent(edited));
        } else {
            output.line("Episode %s now reads: %s", edited.uidString(), Output.oneLine(edited.content(), 100));
        }
    }
}
