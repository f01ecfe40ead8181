package com.outcomedesk.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;

/** Loads an FXML view with a controller made by the caller, so controllers get their ViewModel by constructor. */
public final class Views {
    /** The app's one stylesheet. */
    public static final String STYLESHEET = "/com/outcomedesk/ui/app.css";

    private Views() {
    }

    /** Dialogs are windows of their own: give them the app's stylesheet too, so they look like the rest. */
    public static <D extends Dialog<?>> D styled(D dialog) {
        dialog.getDialogPane().getStylesheets().add(Views.class.getResource(STYLESHEET).toExternalForm());
        return dialog;
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
