package com.outcomedesk.ui.security;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.security.AccountService;
import com.outcomedesk.common.Actor;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Automatic logoff (HIPAA 164.312(a)(2)(iii)): after the idle time the screen is covered and the
 * signed-in user's password is asked again. The window's content is only hidden, never rebuilt, so
 * input that was not saved yet is still there after unlocking.
 */
public final class IdleLockViewModel {
    private final AccountService accounts;
    private final AuditTrail audit;
    private final Actor actor;
    private final Supplier<Duration> idleTime;
    private final LongSupplier nanoTime;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private long lastActivity;

    /** @param idleTime read at each check, so an administrator's new setting applies at once */
    public IdleLockViewModel(AccountService accounts, AuditTrail audit, Actor actor, Supplier<Duration> idleTime,
                             LongSupplier nanoTime) {
        this.accounts = accounts;
        this.audit = audit;
        this.actor = actor;
        this.idleTime = idleTime;
        this.nanoTime = nanoTime;
        this.lastActivity = nanoTime.getAsLong();
    }

    /** A key press or mouse move while unlocked restarts the idle time. */
    public void activity() {
        if (!locked.get()) lastActivity = nanoTime.getAsLong();
    }

    /** Locks once the idle time has passed since the last activity. */
    public void check() {
        if (!locked.get() && nanoTime.getAsLong() - lastActivity >= idleTime.get().toNanos()) lock();
    }

    public void lock() {
        lock("Locked after inactivity", "after " + idleTime.get().toMinutes() + " min");
    }

    /** The user's own "Lock now", e.g. before leaving the desk. */
    public void lockNow() {
        lock("Locked", "locked by the user");
    }

    private void lock(String title, String details) {
        if (locked.get()) return;
        reason.set(title);
        locked.set(true);
        audit.record(actor, "idle-lock", "user", actor.name(), details);
    }

    /** Unlocks with the signed-in user's password (wrong passwords count towards the lockout). */
    public boolean unlock() {
        return apply(verify(takePassword()));
    }

    /** On the FX thread: takes the typed password out of the form and says the check has begun. */
    public char[] takePassword() {
        char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
        password.set("");
        message.set("");
        checking.set(true);
        return pw;
    }

    /** Off the FX thread (Argon2id takes a moment): null when the password is right, else why not. */
    public String verify(char[] pw) {
        try {
            accounts.authenticate(actor.name(), pw);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** On the FX thread: unlocks, or shows why not. */
    public boolean apply(String refusal) {
        checking.set(false);
        if (refusal != null) {
            message.set(refusal);
            return false;
        }
        message.set("");
        locked.set(false);
        lastActivity = nanoTime.getAsLong();
        return true;
    }

    public Actor actor() { return actor; }
    /** True while a typed password is being checked. */
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty lockedProperty() { return locked.getReadOnlyProperty(); }
    public StringProperty passwordProperty() { return password; }
    public StringProperty messageProperty() { return message; }
    /** The lock screen's title: why the window is locked. */
    public ReadOnlyStringProperty reasonProperty() { return reason; }
}
