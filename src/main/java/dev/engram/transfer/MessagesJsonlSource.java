package dev.engram.transfer;

import static dev.engram.transfer.JsonFields.optionalInstant;
import static dev.engram.transfer.JsonFields.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.transfer.IncomingEpisode;
import dev.engram.core.transfer.RecordSource;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Plain JSON Lines of messages, one per line in MemMachine's message shape:
 * {@code {"content", "producer", "produced_for", "role", "timestamp", "metadata"}}
 * ({@code producer_id}, {@code produced_for_id}, {@code producer_role} and {@code created_at} are
 * accepted too). {@code content} and {@code timestamp} are required (a message is recognised on a
 * second import by its time, so "now" would not do); {@code producer} defaults to {@code user}.
 */
final class MessagesJsonlSource implements RecordSource {
    private final Path file;
    private final String name;

    MessagesJsonlSource(Path file) {
        this.file = file;
        this.name = file.getFileName().toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(Handler handler) {
        JsonLines.read(file, name, (node, line) -> handler.episode(IncomingEpisode.of(line, message(node)), line));
    }

    private static NewEpisode message(JsonNode n) {
        String producer = either(n, "producer", "producer_id");
        Instant at = optionalInstant(n, n.has("timestamp") ? "timestamp" : "created_at");
        if (at == null) {
            throw new InvalidInputException("timestamp", "is required (ISO-8601, epoch seconds or milliseconds):"
                    + " importing the file again recognises each message by its time");
        }
        return new NewEpisode(producer == null ? "user" : producer, either(n, "produced_for", "produced_for_id"),
                either(n, "role", "producer_role"), JsonFields.text(n, "content"), at, JsonFields.strings(n, "metadata"));
    }

    private static String either(JsonNode n, String field, String alias) {
        return optionalText(n, n.has(field) ? field : alias);
    }
}
