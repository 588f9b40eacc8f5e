package dev.engram.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.transfer.TransferManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup zip: {@code profile/profile.sql} (the profile database as an H2 script),
 * {@code projects/NNNN.jsonl} (an Engram export of each project, episodes with their uids),
 * {@code settings/*.properties}, and last {@code backup.json} (format, time, version, projects).
 * A zip cut short has no directory at its end and is refused whole.
 */
public final class BackupArchive {
    public static final String FORMAT = "engram-backup";
    public static final int VERSION = 1;
    static final String PROFILE_ENTRY = "profile/profile.sql";
    static final String MANIFEST_ENTRY = "backup.json";

    /** What a backup holds once unpacked: the profile database's script and the export of each project. */
    public record Unpacked(Path profileScript, List<Path> projects, Instant createdAt, String engramVersion) {
    }

    private BackupArchive() {
    }

    static void addFile(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    static void addManifest(ZipOutputStream zip, String version, Instant at, List<String> files,
                            List<TransferManifest> exports) throws IOException {
        ObjectNode node = ExportJson.MAPPER.createObjectNode();
        node.put("format", FORMAT);
        node.put("format_version", VERSION);
        node.put("created_at", at.toString());
        node.put("engram_version", version);
        ArrayNode projects = node.putArray("projects");
        for (int i = 0; i < exports.size(); i++) {
            projects.addObject().put("org_id", exports.get(i).scope().orgId())
                    .put("project_id", exports.get(i).scope().projectId()).put("file", files.get(i))
                    .put("episodes", exports.get(i).counts().episodes()).put("facts", exports.get(i).counts().facts());
        }
        zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
        zip.write(ExportJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        zip.closeEntry();
    }

    /**
     * Unpacks a backup: the settings go into the (empty) data folder; the profile database's
     * script and the project exports go to {@code work}, to be loaded.
     */
    public static Unpacked unpack(Path backup, Path dataDir, Path work) {
        String name = backup.getFileName().toString();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST_ENTRY);
            if (manifestEntry == null) {
                throw new InvalidInputException("BACKUP", name + " is not an Engram backup (it has no " + MANIFEST_ENTRY + ")");
            }
            JsonNode manifest = ExportJson.MAPPER.readTree(zip.getInputStream(manifestEntry));
            if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("format_version").asInt() > VERSION) {
                throw new InvalidInputException("BACKUP", name + " is not an Engram backup this version reads (format "
                        + manifest.path("format").asText() + " " + manifest.path("format_version").asInt() + ")");
            }
            Path script = work.resolve("profile.sql");
            extract(zip, PROFILE_ENTRY, script);
            for (String settings : List.of("engram.properties", "ui.properties")) {
                if (zip.getEntry("settings/" + settings) != null) {
                    extract(zip, "settings/" + settings, dataDir.resolve(settings));
                }
            }
            List<Path> projects = new ArrayList<>();
            for (JsonNode project : manifest.path("projects")) {
                Path target = work.resolve(String.format("%04d.jsonl", projects.size()));
                extract(zip, project.path("file").asText(), target);
                projects.add(target);
            }
            return new Unpacked(script, projects, Instant.parse(manifest.path("created_at").asText()),
                    manifest.path("engram_version").asText());
        } catch (IOException e) {
            throw new InvalidInputException("BACKUP", name + " cannot be read as a backup (" + e.getMessage()
                    + "); it may be incomplete");
        }
    }

    private static void extract(ZipFile zip, String entryName, Path target) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new IOException("it lacks " + entryName);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }
}
