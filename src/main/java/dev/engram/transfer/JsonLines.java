package dev.engram.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.transfer.ImportFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON Lines file line by line (blank lines skipped), handing each object over with its
 * line number; malformed JSON and invalid fields become {@link ImportFileException}s naming the line.
 */
final class JsonLines {
    @FunctionalInterface
    interface LineHandler {
        void line(JsonNode node, long line);
    }

    private JsonLines() {
    }

    static void read(Path file, String name, LineHandler handler) {
        long line = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node = parse(name, line, text);
                try {
                    handler.line(node, line);
                } catch (ImportFileException e) {
                    throw e;
                } catch (InvalidInputException e) {
                    throw new ImportFileException(name, line, e.getMessage());
                }
            }
        } catch (CharacterCodingException e) {
            throw new ImportFileException(name, line + 1, "is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException("FILE", file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static JsonNode parse(String name, long line, String text) {
        JsonNode node;
        try {
            node = ExportJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ImportFileException(name, line, "is not valid JSON" + (column > 0 ? " at column " + column : "")
                    + " (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new ImportFileException(name, line, "must be one JSON object per line");
        }
        return node;
    }
}
