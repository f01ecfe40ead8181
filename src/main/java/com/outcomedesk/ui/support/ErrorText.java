package com.outcomedesk.ui.support;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A label for an error the user must act on: red text behind a warning sign, hidden while there is none. */
public final class ErrorText {
    private ErrorText() {
    }

    public static Label showing(ObservableStringValue message) {
        Label label = new Label();
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        // Every wrapped line, never a second line cut by the field below.
        label.setMinHeight(Region.USE_PREF_SIZE);
        Region sign = new Region();
        sign.getStyleClass().add("error-icon");
        label.setGraphic(sign);
        label.textProperty().bind(message);
        BooleanBinding shown = Bindings.isNotEmpty(message);
        // Hidden but still laid out, so a form does not jump when an error appears.
        label.visibleProperty().bind(shown);
        // Colour and sign do not reach a screen reader; the word does.
        label.accessibleTextProperty().bind(Bindings.concat("Error: ", message));
        return label;
    }
}
