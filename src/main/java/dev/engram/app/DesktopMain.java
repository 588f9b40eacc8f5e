package dev.engram.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.engram.api.ApiServer;
import dev.engram.api.ServerSettings;
import dev.engram.cli.EngramCli;
import dev.engram.ui.shell.AboutInfo;
import dev.engram.ui.shell.Screen;
import dev.engram.ui.shell.ShellView;
import dev.engram.ui.transfer.TransferView;
import dev.engram.ui.shell.ShellViewModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.support.UiPreferences;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code engram} with no command: the desktop app. The window is shown at once; the stores open
 * on a background thread while the shell shows their progress; then the screens appear and the
 * API server starts on 127.0.0.1 so agents can use the memory the person is looking at.
 */
final class DesktopMain implements EngramCli.DesktopStarter {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopMain.class);

    /** The desktop app's remembered settings, in the data folder. */
    static final String PREFERENCES_FILE = "ui.properties";

    private final Clock clock;

    DesktopMain(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int start(Path explicitDataDir) {
        Path dataDir = AppPaths.dataDirectory(explicitDataDir);
        UiPreferences preferences = new FilePreferences(dataDir.resolve(PREFERENCES_FILE));
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        UiExecutors executors = new UiExecutors(background, Platform::runLater);
        AtomicReference<Engram> engram = new AtomicReference<>();
        AtomicReference<ServerMain.Running> server = new AtomicReference<>();
        AtomicReference<Stage> window = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);

        Platform.setImplicitExit(true);
        try {
            Platform.startup(() -> {
                ShellViewModel shell = new ShellViewModel(preferences, executors, about(dataDir));
                ShellView view = new ShellView(shell);
                Stage stage = new Stage();
                stage.setTitle("Engram");
                stage.setScene(new Scene(view.load(), 1280, 820));
                theme(shell.darkProperty().get());
                shell.darkProperty().addListener((o, was, dark) -> theme(dark));
                stage.setOnHidden(e -> background.execute(() -> {
                    shutdown(server.get(), engram.get());
                    closed.countDown();
                    Platform.exit();
                }));
                stage.show();
                window.set(stage);
                background.execute(() -> {
                    open(dataDir, shell, view, preferences, executors, engram, server);
                    if (AotTraining.requested()) {
                        train(shell, server.get(), window.get());
                    }
                });
            });
        } catch (UnsupportedOperationException e) {
            // JavaFX found no display (the stores are opened only once the window is shown)
            System.err.println("engram: the desktop app needs a display (" + e.getMessage()
                    + "). Without one, use a command: engram serve, engram search, ... (engram --help).");
            return 2;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.shutdownNow();
        return 0;
    }

    private void open(Path dataDir, ShellViewModel shell, ShellView view, UiPreferences preferences,
                      UiExecutors executors, AtomicReference<Engram> engram, AtomicReference<ServerMain.Running> server) {
        try {
            Engram opened = Engram.open(dataDir, EngramConfig.load(dataDir),
                    (task, done, total) -> Platform.runLater(() -> shell.openingProgress(task, done, total)), clock,
                    Engram.Reembedding.LATER);
            engram.set(opened);
            boolean reembed = opened.reembeddingPending();
            CountDownLatch built = new CountDownLatch(1);
            AtomicReference<Scope> shown = new AtomicReference<>();
            Platform.runLater(() -> {
                try {
                    shell.opened(opened.memory());
                    DesktopScreens screens = new DesktopScreens(opened, preferences, executors, shell, clock);
                    view.ready(screens.scopeBar(), screens.build());
                    TransferView transfers = screens.transfers();
                    view.installFileMenu(transfers.menuItems(), transfers.load());
                    shown.set(screens.scope());
                } catch (RuntimeException e) {
                    LOG.error("Could not build the screens", e);
                    shell.failed(e); // said on the opening panel, instead of "Opening..." for ever
                    return;
                } finally {
                    built.countDown();
                }
                if (reembed) {
                    startReembedding(opened, shell);
                }
            });
            startApi(opened, shell, preferences, server);
            // What can wait does, so that the screens and the API get the two cores first: then the
            // search path is planned on the scope shown, then extraction and summaries start.
            built.await();
            if (shown.get() != null) {
                opened.warmUp(shown.get());
            }
            opened.startBackgroundWork();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("Could not open the memory", e);
            Platform.runLater(() -> shell.failed(e));
        }
    }

    /** The packager's AOT training run: use the app a little, show every screen, then close. */
    private static void train(ShellViewModel shell, ServerMain.Running server, Stage stage) {
        AotTraining.exercise(server);
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            for (Screen screen : Screen.values()) {
                shell.screenProperty().set(screen);
            }
            shown.countDown();
        });
        try {
            shown.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.runLater(stage::hide);
    }

    /**
     * After a change of embedding model: re-embeds in the background as cancellable long work.
     * Until it ends, what is not re-embedded yet is found by its words only; a cancelled run
     * resumes at the next start.
     */
    private static void startReembedding(Engram engram, ShellViewModel shell) {
        String model = engram.embedder().space().modelId();
        shell.work().start("Re-embedding with " + model, (progress, cancel) -> {
            try {
                return engram.reembed(progress, cancel);
            } catch (java.util.concurrent.CancellationException e) {
                return -1L;
            }
        }, n -> n < 0 ? "Re-embedding paused: it goes on at the next start (until then, what is left is found by its words only)"
                : String.format("Re-embedded %,d items with %s", n, model), n -> { });
    }

    private static void startApi(Engram engram, ShellViewModel shell, UiPreferences preferences,
                                 AtomicReference<ServerMain.Running> server) {
        if (!Boolean.parseBoolean(preferences.get("api.enabled", "true"))) {
            Platform.runLater(() -> shell.apiStatus("API: off (settings)"));
            return;
        }
        int port = Integer.parseInt(preferences.get("api.port", Integer.toString(ServerSettings.DEFAULT_PORT)));
        try {
            ServerMain.Running started = ServerMain.start(engram, ServerSettings.loopback(port));
            server.set(started);
            Platform.runLater(() -> shell.apiStatus("API: " + started.baseUri() + ApiServer.PREFIX));
        } catch (RuntimeException e) {
            LOG.warn("API server not started on port {}", port, e);
            Platform.runLater(() -> shell.apiStatus("API: off (port " + port + " in use)"));
        }
    }

    private static void shutdown(ServerMain.Running server, Engram engram) {
        if (server != null) {
            server.close();
        }
        if (engram != null) {
            engram.close();
        }
    }

    private static AboutInfo about(Path dataDir) {
        return new AboutInfo(Version.current(), dataDir.toString(), AppPaths.logDirectory(dataDir).toString(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + "), "
                        + System.getProperty("java.vm.info", "") + ", " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"));
    }

    private static void theme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
