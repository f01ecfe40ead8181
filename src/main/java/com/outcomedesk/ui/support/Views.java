package com.outcomedesk.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with a controller made by the caller, so controllers get their ViewModel by constructor. */
public final class Views {
    private Views() {
    }

    public static <T extends Parent> T load(String resource, Object controller) {
        URL url = Views.class.getResource(resource);
        if (url == null) throw new IllegalStateException("Missing view " + resource);
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + resource, e);
        }
    }
}
