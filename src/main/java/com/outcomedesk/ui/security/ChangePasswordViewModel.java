package com.outcomedesk.ui.security;

import com.outcomedesk.security.AccountService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.PasswordPolicy;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.FailureSentences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Change my password": the current password, the new one twice. The engine's password policy speaks while
 * the user types; the change itself (three Argon2id derivations, and the store key re-wrapped on an encrypted
 * store) runs in the background.
 */
public final class ChangePasswordViewModel {
    /** The title and header of the notice shown once the password is changed. */
    public static final String DONE_TITLE = "Password changed";
    public static final String DONE_HEADER = "Your password is changed";
    private final AccountService accounts;
    private final Actor actor;
    private final Background background;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final StringProperty doneText = new SimpleStringProperty("");
    private final StringBinding problem;

    public ChangePasswordViewModel(AccountService accounts, Actor actor, Background background) {
        this.accounts = accounts;
        this.actor = actor;
        this.background = background;
        this.problem = Bindings.createStringBinding(this::firstProblem, current, newPassword, repeat);
    }

    /** What stops the change, in words, or empty when it can be tried. */
    private String firstProblem() {
        if (current.get().isEmpty()) return "Type your current password.";
        if (newPassword.get().isEmpty()) return "Type the new password, at least " + PasswordPolicy.MIN_LENGTH + " characters.";
        try {
            PasswordPolicy.check(actor.name(), newPassword.get().toCharArray());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (newPassword.get().equals(current.get())) return "The new password is the same as the current one; choose a different one.";
        if (!newPassword.get().equals(repeat.get())) return "Type the new password a second time, the same way.";
        return "";
    }

    /** Changes the password when nothing stands in the way; the outcome shows in {@link #errorProperty} or {@link #doneProperty}. */
    public void change() {
        if (busy.get()) return;
        if (!problem.get().isEmpty()) {
            error.set(problem.get());
            return;
        }
        char[] old = current.get().toCharArray();
        char[] fresh = newPassword.get().toCharArray();
        current.set("");
        newPassword.set("");
        repeat.set("");
        error.set("");
        busy.set(true);
        background.load(progress -> {
            accounts.changeOwnPassword(actor, old, fresh);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            doneText.set("Use the new password from now on: to sign in and to unlock the window.");
            done.set(true);
        }, failure -> {
            busy.set(false);
            error.set(FailureSentences.describe(failure));
        });
    }

    public StringProperty currentProperty() { return current; }
    public StringProperty newPasswordProperty() { return newPassword; }
    public StringProperty repeatProperty() { return repeat; }
    /** The policy's reason while typing (empty once the change can be tried). */
    public StringBinding problemProperty() { return problem; }
    /** Why the last try failed. */
    public ReadOnlyStringProperty errorProperty() { return error; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyBooleanProperty doneProperty() { return done; }
    /** What to do now that the password is changed; empty until it is. */
    public ReadOnlyStringProperty doneTextProperty() { return doneText; }
    public Actor actor() { return actor; }
}
