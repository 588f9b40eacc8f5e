package dev.engram.support;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/** Starts the JavaFX toolkit once per test JVM (headless platform, see the pom) with the app's theme. */
public final class FxSupport {
    private static boolean started;

    private FxSupport() {
    }

    public static synchronized void start() throws Exception {
        if (!started) {
            FxToolkit.registerPrimaryStage();
            onFx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                return null;
            });
            started = true;
        }
    }

    /** Runs on the FX thread and waits for the result. */
    public static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
