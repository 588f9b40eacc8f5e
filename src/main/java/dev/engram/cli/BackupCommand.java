package dev.engram.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.core.Cancellation;
import dev.engram.core.InvalidInputException;
import dev.engram.core.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = {"Back up the whole memory (every project, the profile database, the settings)",
        "to a zip, safely while Engram runs: with the data folder free it is opened here; while the app or",
        "engram serve holds it, --url asks that process to make the backup."})
final class BackupCommand implements Callable<Integer> {
    static final String ENDPOINT = "/api/engram/backup";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "FILE", description = "The zip to write (must not exist yet).")
    Path file;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (when no Engram process holds it).")
    Path dataDir;

    @Option(names = "--url", paramLabel = "URL", description = "A running Engram to ask, e.g. http://127.0.0.1:8080.")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Its bearer token, if it needs one (default: $ENGRAM_TOKEN).")
    String token;

    @Spec
    CommandSpec spec;

    private final EngramOpener opener;

    BackupCommand(EngramOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new InvalidInputException("FILE", target + " exists already; choose a new file name");
        }
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        try {
            if (url != null) {
                fetch(part);
            } else {
                try (EngramOpener.OpenEngram engram = opener.open(dataDir); OutputStream out = Files.newOutputStream(part)) {
                    engram.transfers().backup(out, progress, Cancellation.none());
                } catch (StoreUnavailableException e) {
                    throw new StoreUnavailableException(e.getMessage() + " To back up while Engram runs, ask it: engram backup"
                            + " --url http://127.0.0.1:8080 " + file + " (or File > Backup... in the app).", e);
                }
            }
            progress.done();
            String summary = summary(part);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            new Output(spec.commandLine().getOut()).line("Backed up %s to %s (%,d KB).", summary, target,
                    Files.size(target) / 1024);
        } finally {
            progress.done();
            Files.deleteIfExists(part);
        }
        return 0;
    }

    private void fetch(Path part) throws IOException {
        String bearer = token != null ? token : System.getenv("ENGRAM_TOKEN");
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(ENDPOINT))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (bearer != null && !bearer.isBlank()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        spec.commandLine().getErr().println("Asking the Engram at " + url + " for a backup...");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String answer = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    throw new StoreUnavailableException("The Engram at " + url + " answered " + response.statusCode()
                            + (response.statusCode() == 401 ? " (give its token with --token or ENGRAM_TOKEN)" : "")
                            + ": " + answer, null);
                }
                Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.net.ConnectException e) {
            throw new StoreUnavailableException("No Engram answers at " + url + ". Is the app or engram serve running there?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("The backup was interrupted.", e);
        }
    }

    /** Reads the finished zip's manifest: a zip cut short cannot be opened and is refused. */
    private static String summary(Path zip) {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            ZipEntry manifest = archive.getEntry("backup.json");
            if (manifest == null) {
                throw new IOException("it has no backup.json");
            }
            JsonNode projects = JSON.readTree(archive.getInputStream(manifest)).path("projects");
            long episodes = 0;
            long facts = 0;
            for (JsonNode project : projects) {
                episodes += project.path("episodes").asLong();
                facts += project.path("facts").asLong();
            }
            return String.format("%,d project%s, %,d episodes, %,d facts", projects.size(), projects.size() == 1 ? "" : "s",
                    episodes, facts);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup is incomplete (" + e.getMessage() + "); nothing was kept", e);
        }
    }
}
