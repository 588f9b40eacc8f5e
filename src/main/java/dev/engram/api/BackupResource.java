package dev.engram.api;

import dev.engram.core.Cancellation;
import dev.engram.core.Progress;
import dev.engram.core.transfer.Transfers;
import io.javalin.config.RoutesConfig;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code POST /api/engram/backup} (an Engram addition, not MemMachine's): the running process
 * writes a backup of the whole memory and streams it as a zip, so a backup can be made while the
 * app or server holds the data folder ({@code engram backup --url}). It must be asked with
 * {@code Content-Type: application/json} (a JSON body such as {@code {}}), which a web page cannot
 * send cross-origin without a preflight that this server never grants.
 */
final class BackupResource implements ApiResource {
    static final String PATH = "/api/engram/backup";

    private final Transfers transfers;

    BackupResource(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.post(PATH, ctx -> {
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                ctx.status(415).contentType("application/json")
                        .result(new ApiError(415, "Content-Type must be application/json").body());
                return;
            }
            String name = "engram-backup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
            ctx.status(200).contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            try (OutputStream out = ctx.outputStream()) {
                transfers.backup(out, Progress.NONE, Cancellation.none());
            }
        });
    }
}
