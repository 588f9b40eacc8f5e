package dev.engram.transfer;

import dev.engram.core.transfer.ImportFileException;
import dev.engram.core.transfer.RecordSource;
import java.nio.file.Path;

/** An Engram export (JSON Lines, {@link ExportJson}) to import. */
final class EngramExportSource implements RecordSource {
    private final Path file;
    private final String name;

    EngramExportSource(Path file) {
        this.file = file;
        this.name = file.getFileName().toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(Handler handler) {
        JsonLines.read(file, name, (node, line) -> {
            String type = JsonFields.optionalText(node, "type");
            if (line == 1 && !"manifest".equals(type)) {
                throw new ImportFileException(name, line, "an Engram export starts with its manifest"
                        + " ({\"type\":\"manifest\",...}); for a file of plain messages choose the jsonl format");
            }
            switch (type == null ? "" : type) {
                case "manifest" -> handler.manifest(ExportJsonReader.manifest(node), line);
                case "episode" -> handler.episode(ExportJsonReader.episode(node), line);
                case "fact" -> handler.fact(ExportJsonReader.fact(node), line);
                default -> throw new ImportFileException(name, line, "type must be manifest, episode or fact"
                        + (type == null ? "" : " (got '" + type + "')"));
            }
        });
    }
}
