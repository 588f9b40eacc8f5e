package dev.engram.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.transfer.ImportFormat;
import dev.engram.core.transfer.RecordSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises the kind of a file to import and opens it as a {@link RecordSource}. */
final class ImportFiles {
    private ImportFiles() {
    }

    static RecordSource open(Path file, ImportFormat format, String user) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("FILE", file.toAbsolutePath() + " is not a file");
        }
        ImportFormat kind = format == ImportFormat.AUTO ? detect(file) : format;
        return switch (kind) {
            case ENGRAM -> new EngramExportSource(file);
            case CHATGPT -> new ChatGptSource(file, user);
            case LOCOMO -> new LocomoSource(file);
            case JSONL, AUTO -> new MessagesJsonlSource(file);
        };
    }

    /**
     * An object on the first line is an Engram export when it is a manifest, else JSON Lines of
     * messages; an array is a ChatGPT export when its first element has a {@code mapping}, LoCoMo
     * when it has a {@code conversation}.
     */
    static ImportFormat detect(Path file) {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = reader.read();
            } while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c)));
            if (c == '{') {
                String first = "{" + reader.readLine();
                try {
                    JsonNode node = ExportJson.MAPPER.readTree(first);
                    return "manifest".equals(node.path("type").asText()) ? ImportFormat.ENGRAM : ImportFormat.JSONL;
                } catch (IOException badFirstLine) {
                    return ImportFormat.JSONL; // its reader names the line and what is wrong
                }
            }
            if (c == '[') {
                return detectArray(file, name);
            }
        } catch (IOException e) {
            // not JSON at all: said below
        }
        throw new InvalidInputException("FILE", name + " is not a file Engram recognises: an Engram export or JSON"
                + " Lines of messages (one JSON object per line), a ChatGPT conversations.json or a LoCoMo file."
                + " Name the format if it is one of them");
    }

    private static ImportFormat detectArray(Path file, String name) throws IOException {
        try (JsonParser parser = ExportJson.MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode first = ExportJson.MAPPER.readTree(parser);
                if (first.has("mapping")) {
                    return ImportFormat.CHATGPT;
                }
                if (first.has("conversation") || first.has("sample_id")) {
                    return ImportFormat.LOCOMO;
                }
            }
        }
        throw new IOException(name + ": unknown array");
    }
}
