package com.outcomedesk.ui.security;

import com.outcomedesk.security.AccountService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.security.UserAccount;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** User management for administrators: the account list, adding users, roles, password resets, disabling. */
public final class UsersViewModel {
    private final AccountService accounts;
    private final Actor actor;
    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.CLINICIAN);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public UsersViewModel(AccountService accounts, Actor actor) {
        this.accounts = accounts;
        this.actor = actor;
    }

    /** Offered only where it changes something: not the role the account has, not on a disabled account. */
    public boolean canGiveRole(UserAccount user, Role role) {
        return user != null && !user.disabled() && user.role() != role;
    }

    /** Not on a disabled account, and not on your own: you would lock yourself out. */
    public boolean canDisable(UserAccount user) {
        return user != null && !user.disabled() && !user.name().equals(actor.name());
    }

    public void refresh() {
        run(() -> users.setAll(accounts.list(actor)), null);
    }

    public void add() {
        String name = newName.get() == null ? "" : newName.get().strip();
        char[] pw = newPassword.get() == null ? new char[0] : newPassword.get().toCharArray();
        newPassword.set("");
        if (run(() -> accounts.create(name, newRole.get(), pw, actor), "Added " + name + ".")) {
            newName.set("");
            refresh();
        }
    }

    public void setRole(UserAccount user, Role role) {
        if (run(() -> accounts.changeRole(user.name(), role, actor), user.name() + " is now " + AccountService.code(role) + ".")) {
            refresh();
        }
    }

    public void resetPassword(UserAccount user, String password) {
        if (run(() -> accounts.changePassword(user.name(), password.toCharArray(), actor),
                "Changed the password of " + user.name() + ".")) {
            refresh();
        }
    }

    public void disable(UserAccount user) {
        if (run(() -> accounts.disable(user.name(), actor), "Disabled " + user.name() + ".")) refresh();
    }

    /** Runs an action; a refusal or bad input becomes the message instead of an error dialog. */
    private boolean run(Runnable action, String done) {
        try {
            action.run();
            if (done != null) message.set(done);
            return true;
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** What the State column says: disabled, waiting out a lock (until when, to the second), or active. */
    public static String state(UserAccount u) {
        return u.disabled() ? "disabled"
                : u.lockedUntil() != null ? "waiting until " + u.lockedUntil().toLocalTime().withNano(0) : "active";
    }

    /** The header of the reset-password dialog. */
    public static String resetPasswordHeader(UserAccount u) {
        return "New password for " + u.name() + " (at least 12 characters)";
    }

    public ObservableList<UserAccount> users() { return users; }
    public StringProperty newNameProperty() { return newName; }
    public ObjectProperty<Role> newRoleProperty() { return newRole; }
    public StringProperty newPasswordProperty() { return newPassword; }
    public StringProperty messageProperty() { return message; }
}
