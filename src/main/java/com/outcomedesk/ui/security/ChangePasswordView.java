package com.outcomedesk.ui.security;

import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.Views;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "Change my password" dialog; it stays open until the change is made or the user cancels. */
public final class ChangePasswordView {
    public static final ButtonType CHANGE = new ButtonType("Change password", ButtonBar.ButtonData.OK_DONE);

    private ChangePasswordView() {
    }

    public static Dialog<ButtonType> create(ChangePasswordViewModel vm, Window owner) {
        Dialog<ButtonType> dialog = Views.styled(new Dialog<>());
        dialog.initOwner(owner);
        dialog.setTitle("Change my password");
        dialog.setHeaderText("Change the password of " + vm.actor().name());
        PasswordField current = field("currentPassword", vm.currentProperty());
        PasswordField fresh = field("newPassword", vm.newPasswordProperty());
        PasswordField repeat = field("repeatNewPassword", vm.repeatProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Current password"), current);
        grid.addRow(1, new Label("New password"), fresh);
        grid.addRow(2, new Label("New password again"), repeat);
        Label rules = new Label("At least 12 characters, not your user name and not a well-known password; a few "
                + "words you remember work well.");
        rules.setWrapText(true);
        rules.getStyleClass().add("hint-text");
        Label hint = new Label();
        hint.setId("passwordProblem");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.problemProperty());
        Label error = ErrorText.showing(vm.errorProperty());
        error.setId("passwordError");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        HBox progress = new HBox(8, spinner, new Label("Changing the password…"));
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        VBox content = new VBox(10, grid, rules, hint, error, progress);
        content.setPrefWidth(480);
        for (Label l : new Label[] {hint, error, rules}) {
            l.setPrefWidth(460);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        grid.disableProperty().bind(vm.busyProperty());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().addAll(CHANGE, ButtonType.CANCEL);
        Node change = dialog.getDialogPane().lookupButton(CHANGE);
        change.setId("changePassword");
        change.disableProperty().bind(Bindings.isNotEmpty(vm.problemProperty()).or(vm.busyProperty()));
        // The change runs in the background; the dialog closes when it is done, or stays with the reason.
        change.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.change();
        });
        vm.doneProperty().addListener((o, was, done) -> {
            if (done) {
                dialog.setResult(CHANGE);
                dialog.close();
            }
        });
        dialog.setOnShown(e -> current.requestFocus());
        return dialog;
    }

    private static PasswordField field(String id, javafx.beans.property.StringProperty text) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPrefColumnCount(22);
        field.textProperty().bindBidirectional(text);
        return field;
    }
}
