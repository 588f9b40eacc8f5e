package dev.engram.ui.support;

import java.net.URL;

/** Classpath resources of the UI; a missing one is a build error, reported loudly. */
public final class Resources {
    private Resources() {
    }

    public static URL require(String path) {
        URL url = Resources.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing UI resource " + path + " (is it in fxml/ or styles/?)");
        }
        return url;
    }

    public static String stylesheet(String name) {
        return require("/styles/" + name + ".css").toExternalForm();
    }
}
