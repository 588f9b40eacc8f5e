package dev.engram.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Engram keeps its data: {@code --data-dir}, else {@code $ENGRAM_HOME}, else the per-user
 * application data folder of the OS (Linux: {@code $XDG_DATA_HOME/engram}, by default
 * {@code ~/.local/share/engram}; macOS: {@code ~/Library/Application Support/Engram};
 * Windows: {@code %LOCALAPPDATA%\Engram}).
 */
public final class AppPaths {
    private AppPaths() {
    }

    public static Path dataDirectory(Path explicit, Map<String, String> env, String osName, Path home) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String engramHome = env.get("ENGRAM_HOME");
        if (engramHome != null && !engramHome.isBlank()) {
            return Path.of(engramHome).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", "");
            return (local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local)).resolve("Engram");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Engram");
        }
        String xdg = env.getOrDefault("XDG_DATA_HOME", "");
        Path base = xdg.isBlank() || !Path.of(xdg).isAbsolute() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("engram");
    }

    /** The data folder for this process's environment. */
    public static Path dataDirectory(Path explicit) {
        return dataDirectory(explicit, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    public static Path logDirectory(Path dataDirectory) {
        return dataDirectory.resolve("logs");
    }
}
