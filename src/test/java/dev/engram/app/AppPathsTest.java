package dev.engram.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPathsTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void explicitFolderWinsOverEverything() {
        assertThat(AppPaths.dataDirectory(Path.of("/data/x"), Map.of("ENGRAM_HOME", "/other"), "Linux", HOME))
                .isEqualTo(Path.of("/data/x"));
    }

    @Test
    void engramHomeWinsOverTheOsDefault() {
        assertThat(AppPaths.dataDirectory(null, Map.of("ENGRAM_HOME", "/srv/engram"), "Linux", HOME))
                .isEqualTo(Path.of("/srv/engram"));
    }

    @Test
    void linuxUsesXdgDataHomeOrItsDefault() {
        assertThat(AppPaths.dataDirectory(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/xdg/engram"));
        assertThat(AppPaths.dataDirectory(null, Map.of(), "Linux", HOME)).isEqualTo(HOME.resolve(".local/share/engram"));
        assertThat(AppPaths.dataDirectory(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", HOME))
                .isEqualTo(HOME.resolve(".local/share/engram"));
    }

    @Test
    void macAndWindowsUseTheirApplicationDataFolders() {
        assertThat(AppPaths.dataDirectory(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(HOME.resolve("Library/Application Support/Engram"));
        assertThat(AppPaths.dataDirectory(null, Map.of("LOCALAPPDATA", "/c/Users/ada/AppData/Local"), "Windows 11", HOME))
                .isEqualTo(Path.of("/c/Users/ada/AppData/Local/Engram"));
    }

    @Test
    void launcherFindsTheDataDirInBothOptionForms() {
        assertThat(Launcher.explicitDataDir(new String[] {"search", "--data-dir", "/d", "x"})).isEqualTo(Path.of("/d"));
        assertThat(Launcher.explicitDataDir(new String[] {"--data-dir=/e", "list"})).isEqualTo(Path.of("/e"));
        assertThat(Launcher.explicitDataDir(new String[] {"list"})).isNull();
    }
}
