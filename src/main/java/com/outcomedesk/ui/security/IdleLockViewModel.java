package com.outcomedesk.ui.security;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.security.AccountService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.SecuritySettings;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
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
    /** Null until known: set off the FX thread, as reading it may touch the store. */
    private volatile Duration idleTime;
    private final LongSupplier nanoTime;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private long lastActivity;

    /** Nothing locks by itself until {@link #setIdleTime} or {@link #follow} says after how long. */
    public IdleLockViewModel(AccountService accounts, AuditTrail audit, Actor actor, LongSupplier nanoTime) {
        this.accounts = accounts;
        this.audit = audit;
        this.actor = actor;
        this.nanoTime = nanoTime;
        this.lastActivity = nanoTime.getAsLong();
    }

    /** Any thread: the idle time after which {@link #check} locks. */
    public void setIdleTime(Duration idleTime) {
        this.idleTime = idleTime;
    }

    /**
     * Follows the administrator's setting: read once on {@code background} (never the FX thread, as it may touch the
     * store), then again whenever it is changed, so the checks every few seconds never read the store.
     */
    public void follow(SecuritySettings security, Executor background) {
        security.whenIdleLockChanges(this::setIdleTime);
        background.execute(() -> {
            try {
                setIdleTime(security.idleLock());
            } catch (RuntimeException storeClosed) {
                // Signed out before the read: no session is left to lock.
            }
        });
    }

    /** A key press or mouse move while unlocked restarts the idle time. */
    public void activity() {
        if (!locked.get()) lastActivity = nanoTime.getAsLong();
    }

    /** Locks once the idle time has passed since the last activity. */
    public void check() {
        Duration limit = idleTime;
        if (limit != null && !locked.get() && nanoTime.getAsLong() - lastActivity >= limit.toNanos()) {
            lock("Locked after inactivity", "after " + limit.toMinutes() + " min");
        }
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
