package com.outcomedesk.ui.security;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.security.AccountService;
import com.outcomedesk.security.Actor;
import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    private final Duration idleTime;
    private final LongSupplier nanoTime;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private long lastActivity;

    public IdleLockViewModel(AccountService accounts, AuditTrail audit, Actor actor, Duration idleTime,
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
        if (!locked.get() && nanoTime.getAsLong() - lastActivity >= idleTime.toNanos()) lock();
    }

    public void lock() {
        if (locked.get()) return;
        locked.set(true);
        audit.record(actor, "idle-lock", "user", actor.name(), "after " + idleTime.toMinutes() + " min");
    }

    /** Unlocks with the signed-in user's password (wrong passwords count towards the lockout). */
    public boolean unlock() {
        char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
        password.set("");
        try {
            accounts.authenticate(actor.name(), pw);
            message.set("");
            locked.set(false);
            lastActivity = nanoTime.getAsLong();
            return true;
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    public Actor actor() { return actor; }
    public ReadOnlyBooleanProperty lockedProperty() { return locked.getReadOnlyProperty(); }
    public StringProperty passwordProperty() { return password; }
    public StringProperty messageProperty() { return message; }
}
