package dev.engram.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.episode.EpisodeRecord;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.transfer.RecordSink;
import dev.engram.core.transfer.TransferManifest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an export to {@code target} as a whole or not at all: records go to a hidden file
 * beside it, and {@link #finish} writes the manifest line, appends the records and moves the
 * result over {@code target} in one step. Closing without finishing leaves {@code target}
 * untouched and removes the partial files.
 */
final class JsonlExportWriter implements RecordSink, AutoCloseable {
    private final Path target;
    private final Path records;
    private final BufferedWriter out;
    private boolean finished;

    JsonlExportWriter(Path target) {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        try {
            Files.createDirectories(dir);
            this.records = Files.createTempFile(dir, "." + this.target.getFileName(), ".records");
            this.out = Files.newBufferedWriter(records, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("FILE", "cannot write in " + dir + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void episode(EpisodeRecord episode) {
        write(ExportJson.episode(episode));
    }

    @Override
    public void fact(FactRecord fact) {
        write(ExportJson.fact(fact));
    }

    private void write(ObjectNode node) {
        try {
            out.write(ExportJson.MAPPER.writeValueAsString(node));
            out.write('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a record as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + records, e);
        }
    }

    @Override
    public void finish(TransferManifest manifest) {
        try {
            out.close();
            Path whole = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try (OutputStream file = Files.newOutputStream(whole); InputStream body = Files.newInputStream(records)) {
                file.write(ExportJson.MAPPER.writeValueAsBytes(ExportJson.manifest(manifest)));
                file.write('\n');
                body.transferTo(file);
            }
            try {
                Files.move(whole, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicNotSupported) {
                Files.move(whole, target, StandardCopyOption.REPLACE_EXISTING);
            }
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(records);
        } catch (IOException e) {
            // a leftover hidden temporary file is not worth failing the export for
        }
        if (!finished) {
            try (var partial = Files.list(target.getParent())) {
                partial.filter(p -> p.getFileName().toString().startsWith("." + target.getFileName())
                        && p.getFileName().toString().endsWith(".part")).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // as above
            }
        }
    }
}
