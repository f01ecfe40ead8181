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
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Help menu's windows: the bundled user and administrator guides, and About. */
final class HelpWindows {
    private HelpWindows() {
    }

    /** Where the build puts the guides of {@code docs/} and their pictures. */
    static final String GUIDE = "/com/outcomedesk/ui/shell/guide/";
    static final String USER_GUIDE = "user-guide.md", ADMIN_GUIDE = "admin-guide.md";

    static void userGuide(Window owner) {
        guide(owner, USER_GUIDE);
    }

    static void adminGuide(Window owner) {
        guide(owner, ADMIN_GUIDE);
    }

    private static void guide(Window owner, String file) {
        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        // The window's size, not the guide's longest line: the text wraps within it and the rest scrolls.
        scroll.setPrefViewportWidth(760);
        scroll.setPrefViewportHeight(640);
        scroll.getStyleClass().add("guide");
        scroll.setId("userGuide");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        show(stage, scroll, file);
        Windows.place(stage, owner, "guide", 780, 680, 480, 360);
        Scene scene = new Scene(scroll);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) stage.close();
        });
        stage.setScene(scene);
        stage.show();
    }

    /** Shows a guide in the window, titled by its first heading; a link to another bundled guide shows that one. */
    private static void show(Stage stage, ScrollPane scroll, String file) {
        String markdown = read(GUIDE + file);
        scroll.setContent(GuideView.render(markdown, HelpWindows::picture,
                target -> bundledGuide(target) ? () -> show(stage, scroll, target) : null));
        scroll.setVvalue(0);
        stage.setTitle(markdown.lines().findFirst().orElse("").replaceFirst("^#+\\s*", ""));
    }

    /** Only the guides are bundled; links to the other documents show as their text. */
    static boolean bundledGuide(String target) {
        return target.equals(USER_GUIDE) || target.equals(ADMIN_GUIDE);
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
