package com.outcomedesk.security;

import com.outcomedesk.common.Actor;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.store.SettingsRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Security settings an administrator changes: for now the idle time after which the desktop app locks. */
public final class SecuritySettings {
    static final String IDLE_LOCK_MINUTES = "security.idle_lock_minutes";
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 10;
    public static final int MAX_IDLE_LOCK_MINUTES = 240;

    private final SettingsRepository settings;
    private final AuditTrail audit;
    /** Read every few seconds by the idle lock, so kept in memory once read; this engine is the one that changes it. */
    private volatile Duration idleLock;
    private final List<Consumer<Duration>> idleLockListeners = new CopyOnWriteArrayList<>();

    public SecuritySettings(SettingsRepository settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public Duration idleLock() {
        Duration known = idleLock;
        if (known == null) {
            known = Duration.ofMinutes(settings.get(IDLE_LOCK_MINUTES).map(Integer::parseInt).orElse(DEFAULT_IDLE_LOCK_MINUTES));
            idleLock = known;
        }
        return known;
    }

    /** Sets the idle lock time (administrators only), 1 to 240 minutes. */
    public void setIdleLock(int minutes, Actor actor) {
        actor.requireAdministrator("change the security settings");
        if (minutes < 1 || minutes > MAX_IDLE_LOCK_MINUTES) {
            throw new IllegalArgumentException("The idle lock time must be 1 to " + MAX_IDLE_LOCK_MINUTES + " minutes.");
        }
        settings.put(IDLE_LOCK_MINUTES, Integer.toString(minutes));
        idleLock = Duration.ofMinutes(minutes);
        audit.record(actor, "setting-change", "setting", IDLE_LOCK_MINUTES, "value=" + minutes);
        idleLockListeners.forEach(listener -> listener.accept(idleLock));
    }

    /** Called with the new idle lock time after each change, on the thread that made it. */
    public void whenIdleLockChanges(Consumer<Duration> listener) {
        idleLockListeners.add(listener);
    }
}
