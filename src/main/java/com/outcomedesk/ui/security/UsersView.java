package com.outcomedesk.ui.security;

import com.outcomedesk.security.AccountService;
import com.outcomedesk.common.Role;
import com.outcomedesk.security.UserAccount;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.Views;
import com.outcomedesk.ui.support.Windows;
import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The administrator's user management screen. */
public final class UsersView {
    private UsersView() {
    }

    public static Parent create(UsersViewModel vm) {
        TableView<UserAccount> table = SortedTables.table(vm.users());
        table.setId("usersTable");
        table.getColumns().add(SortedTables.text("User", UserAccount::name));
        table.getColumns().add(SortedTables.text("Role", u -> AccountService.code(u.role())));
        table.getColumns().add(SortedTables.text("State", UsersViewModel::state));
        table.getColumns().add(SortedTables.sorted("Failed sign-ins", UserAccount::failedAttempts, Comparator.naturalOrder(),
                n -> Integer.toString(n)));
        table.getColumns().add(SortedTables.text("Created by", UserAccount::createdBy));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button makeAdmin = new Button("Make administrator");
        makeAdmin.setOnAction(e -> selected(table).ifPresent(u -> vm.setRole(u, Role.ADMINISTRATOR)));
        Button makeClinician = new Button("Make clinician");
        makeClinician.setOnAction(e -> selected(table).ifPresent(u -> vm.setRole(u, Role.CLINICIAN)));
        Button reset = new Button("Reset password...");
        reset.setOnAction(e -> selected(table).ifPresent(u -> {
            TextInputDialog ask = Windows.place(Views.styled(new TextInputDialog()), table.getScene().getWindow(), null, 440, 0, 360, 180);
            ask.setTitle("Reset password");
            ask.setHeaderText(UsersViewModel.resetPasswordHeader(u));
            PasswordField field = new PasswordField();
            ask.getDialogPane().setContent(field);
            ask.showAndWait().ifPresent(ignored -> vm.resetPassword(u, field.getText()));
        }));
        Button disable = new Button("Disable");
        disable.setOnAction(e -> selected(table).ifPresent(vm::disable));
        var chosen = table.getSelectionModel().selectedItemProperty();
        makeAdmin.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canGiveRole(chosen.get(), Role.ADMINISTRATOR), chosen));
        makeClinician.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canGiveRole(chosen.get(), Role.CLINICIAN), chosen));
        disable.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canDisable(chosen.get()), chosen));
        reset.disableProperty().bind(chosen.isNull());

        TextField name = new TextField();
        name.setPromptText("user name");
        name.textProperty().bindBidirectional(vm.newNameProperty());
        ChoiceBox<Role> role = new ChoiceBox<>();
        role.getItems().setAll(Role.values());
        role.setConverter(new StringConverter<>() {
            @Override public String toString(Role r) { return r == null ? "" : AccountService.code(r); }
            @Override public Role fromString(String s) { return AccountService.role(s); }
        });
        role.valueProperty().bindBidirectional(vm.newRoleProperty());
        PasswordField password = new PasswordField();
        password.setPromptText("password (12+ characters)");
        password.setPrefColumnCount(18);
        password.textProperty().bindBidirectional(vm.newPasswordProperty());
        Button add = new Button("Add user");
        add.setOnAction(e -> vm.add());

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        Label title = new Label("User accounts");
        title.getStyleClass().add("screen-title");
        VBox root = new VBox(10, title, table, new HBox(8, makeAdmin, makeClinician, reset, disable),
                new HBox(8, name, role, password, add), message);
        root.setPadding(new Insets(12));
        vm.refresh();
        return root;
    }

    private static java.util.Optional<UserAccount> selected(TableView<UserAccount> table) {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }
}
