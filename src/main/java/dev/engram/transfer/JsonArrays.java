package dev.engram.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.transfer.ImportFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a file that is one JSON array of objects (ChatGPT's conversations.json, LoCoMo) one
 * element at a time, handing each over with the line it starts on; malformed JSON and invalid
 * fields become {@link ImportFileException}s naming the line.
 */
final class JsonArrays {
    @FunctionalInterface
    interface ElementHandler {
        void element(JsonNode node, int index, long line);
    }

    private JsonArrays() {
    }

    static void read(Path file, String name, String what, ElementHandler handler) {
        try (JsonParser parser = ExportJson.MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ImportFileException(name, line(parser), "must be a JSON array of " + what);
            }
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                long line = line(parser);
                JsonNode node = ExportJson.MAPPER.readTree(parser);
                try {
                    handler.element(node, index++, line);
                } catch (ImportFileException e) {
                    throw e;
                } catch (InvalidInputException e) {
                    throw new ImportFileException(name, line, e.getMessage());
                }
            }
            if (token != JsonToken.END_ARRAY) {
                throw new ImportFileException(name, line(parser), "each element must be a JSON object (" + what + ")");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ImportFileException(name, line, "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException("FILE", file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static long line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
