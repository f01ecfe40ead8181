package com.outcomedesk.ui.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs, owned by the main window so they stay on top of it and inherit its stylesheet. */
public final class FxDialogs implements Dialogs {
    private final Window owner;
    private Path lastDirectory;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public void error(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void info(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<Path> openFile(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Appointment files (*.json, *.csv)", "*.json", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> openBackup(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("OutcomeDesk backups (*.odbackup)", "*.odbackup"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<char[]> secret(String title, String message) {
        javafx.scene.control.Dialog<char[]> dialog = Windows.place(Views.styled(new javafx.scene.control.Dialog<>()), owner,
                null, 420, 0, 340, 160);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("secretField");
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(8, messageView(message), field);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        javafx.application.Platform.runLater(field::requestFocus);
        return dialog.showAndWait().filter(s -> s.length > 0);
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<T> choices, T preselected) {
        ChoiceDialog<T> dialog = Windows.place(Views.styled(new ChoiceDialog<>(preselected, choices)), owner, null, 420, 0, 340, 160);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(message);
        return dialog.showAndWait();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastDirectory != null) chooser.setInitialDirectory(lastDirectory.toFile());
        return chooser;
    }

    private Optional<Path> remember(java.io.File file) {
        if (file == null) return Optional.empty();
        lastDirectory = file.toPath().toAbsolutePath().getParent();
        return Optional.of(file.toPath());
    }

    private void show(Alert.AlertType type, String title, String message) {
        alert(type, title, message).showAndWait();
    }

    /** The message wraps, no wider than the screen allows; a long one scrolls instead of growing past the screen. */
    static Node messageView(String message) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(Math.min(560, screen.getWidth() - 120));
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("dialogMessage");
        if (message.length() < 600 && message.lines().count() < 12) return text;
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(text.getMaxWidth());
        scroll.setPrefViewportHeight(Math.min(320, screen.getHeight() / 2));
        scroll.getStyleClass().add("dialog-message-scroll");
        return scroll;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = Windows.place(Views.styled(new Alert(type)), owner, null, 480, 0, 360, 160);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(messageView(message));
        return alert;
    }
}
