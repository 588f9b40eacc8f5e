package dev.engram.cli;

import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.episode.Timestamps;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.wire.Views;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Remember a message.")
final class AddCommand extends MemoryCommand {
    @Parameters(arity = "1..*", paramLabel = "CONTENT", description = "The message text (words are joined with spaces).")
    List<String> words;

    @Option(names = "--producer", defaultValue = "user", description = "Who said it (default: ${DEFAULT-VALUE}).")
    String producer;

    @Option(names = "--produced-for", description = "Whom it was said to.")
    String producedFor;

    @Option(names = "--role", defaultValue = "", description = "Role of the producer (user, assistant, system, ...).")
    String role;

    @Option(names = "--timestamp", description = "When it was said: ISO-8601, epoch seconds or milliseconds (default: now).")
    String timestamp;

    @Option(names = {"-m", "--meta"}, paramLabel = "KEY=VALUE", description = "Metadata, repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    private final Clock clock;
    private NewEpisode message;

    AddCommand(EngramOpener opener, Clock clock) {
        super(opener);
        this.clock = clock;
    }

    @Override
    void validate() {
        Instant at = timestamp == null ? clock.instant() : Timestamps.parse("--timestamp", timestamp);
        message = new NewEpisode(producer, producedFor, role, String.join(" ", words), at, metadata);
    }

    @Override
    void run(MemoryService memory, Output output) {
        List<Episode> added = memory.episodes().add(options.scope(), List.of(message));
        if (options.json) {
            output.json(Views.added(added));
        } else {
            output.line("Remembered episode %s in %s.", added.getFirst().uidString(), options.scope());
        }
    }
}
