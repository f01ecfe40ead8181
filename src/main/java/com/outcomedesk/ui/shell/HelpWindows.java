package com.outcomedesk.ui.shell;

import com.outcomedesk.ui.support.Views;
import com.outcomedesk.ui.support.Windows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Help menu's windows: the bundled user guide and About. */
final class HelpWindows {
    private HelpWindows() {
    }

    static final String GUIDE = "/com/outcomedesk/ui/shell/guide/";

    static void userGuide(Window owner) {
        VBox page = GuideView.render(read(GUIDE + "user-guide.md"), HelpWindows::picture);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        // The window's size, not the guide's longest line: the text wraps within it and the rest scrolls.
        scroll.setPrefViewportWidth(760);
        scroll.setPrefViewportHeight(640);
        scroll.getStyleClass().add("guide");
        scroll.setId("userGuide");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("OutcomeDesk user guide");
        Windows.place(stage, owner, "guide", 780, 680, 480, 360);
        Scene scene = new Scene(scroll);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) stage.close();
        });
        stage.setScene(scene);
        stage.show();
    }

    /** A picture of the guide, or null when it is missing (the caption is shown alone). */
    static Image picture(String name) {
        var url = HelpWindows.class.getResource(GUIDE + name);
        return url == null ? null : new Image(url.toExternalForm());
    }

    static void about(Window owner, AboutViewModel about) {
        Alert alert = Windows.place(Views.styled(new Alert(Alert.AlertType.INFORMATION)), owner, null, 520, 0, 400, 200);
        alert.setTitle(AboutViewModel.TITLE);
        alert.setHeaderText(about.header());
        // A label that wraps, so a long store path is shown whole.
        Label text = new Label(about.text());
        text.setWrapText(true);
        text.setMaxWidth(480);
        text.setId("aboutText");
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    private static String read(String resource) {
        try (InputStream in = HelpWindows.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
