package dev.engram.app;

import dev.engram.cli.EngramOpener;
import dev.engram.core.Progress;
import java.nio.file.Path;
import java.time.Clock;

/** Opens Engram for a command: resolves the data folder and its settings. */
public final class Bootstrap implements EngramOpener {
    private final Clock clock;
    private final Progress progress;

    public Bootstrap(Clock clock, Progress progress) {
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public OpenEngram open(Path explicitDataDir) {
        Path dataDir = AppPaths.dataDirectory(explicitDataDir);
        return Engram.open(dataDir, EngramConfig.load(dataDir), progress, clock);
    }
}
