package dev.engram.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an FXML view with an already built controller (the view, which got its view model by
 * constructor): the FXML files name no controller class, so nothing is created reflectively.
 */
public final class Views {
    private Views() {
    }

    public static Parent load(String name, Object controller) {
        FXMLLoader loader = new FXMLLoader(Resources.require("/fxml/" + name + ".fxml"));
        loader.setController(controller);
        try {
            Parent root = loader.load();
            root.getStylesheets().add(Resources.stylesheet(name));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + name, e);
        }
    }
}
