package com.outcomedesk.server.limits;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.SettingsRepository;
import java.util.Locale;

/**
 * Rate limits as store settings ({@code rate_limit.sign_in} and so on, requests a minute): a budget the administrator
 * never set keeps the serve options' value. A change is audited and applied to the running limits at once.
 */
public final class StoredRateLimits {
    private static final String PREFIX = "rate_limit.";
    private final Database database;
    private final AuditTrail audit;
    private final RateLimits limits;

    public StoredRateLimits(Database database, AuditTrail audit, RateLimits limits) {
        this.database = database;
        this.audit = audit;
        this.limits = limits;
    }

    /** The serve options' limits, each replaced by the stored setting where there is one. */
    public static RateLimitSettings load(SettingsRepository settings, RateLimitSettings defaults) {
        RateLimitSettings merged = defaults;
        for (Budget b : Budget.values()) {
            var stored = settings.get(key(b));
            if (stored.isEmpty()) continue;
            try {
                int n = Integer.parseInt(stored.get().strip());
                if (n >= 1 && n <= RateLimitSettings.maximum(b)) merged = merged.with(b, n);
            } catch (NumberFormatException ignored) {
                // a setting edited by hand into nonsense keeps the serve options' value
            }
        }
        return merged;
    }

    public RateLimitSettings current() {
        return limits.settings();
    }

    /**
     * Stores the limits that changed and the audit entry in one transaction (both or neither), then applies them;
     * the caller checked the role and the values.
     */
    public synchronized RateLimitSettings change(RateLimitSettings next, Actor actor) {
        RateLimitSettings before = limits.settings();
        StringBuilder details = new StringBuilder();
        for (Budget b : Budget.values()) {
            if (before.of(b) == next.of(b)) continue;
            if (!details.isEmpty()) details.append("; ");
            details.append(name(b)).append(' ').append(before.of(b)).append(" -> ").append(next.of(b));
        }
        if (details.isEmpty()) return before;
        database.jdbcTransaction(c -> {
            for (Budget b : Budget.values()) {
                if (before.of(b) != next.of(b)) SettingsRepository.put(c, key(b), Integer.toString(next.of(b)));
            }
            audit.recordAndCommit(c, actor, "setting-change", "setting", "rate_limits", details + " a minute");
            return null;
        });
        limits.update(next);
        return next;
    }

    /** The JSON name of a budget: {@code signIn}, {@code predict}, {@code batch}, {@code train}. */
    public static String name(Budget b) {
        return switch (b) {
            case SIGN_IN -> "signIn";
            case PREDICT -> "predict";
            case BATCH -> "batch";
            case TRAIN -> "train";
        };
    }

    private static String key(Budget b) {
        return PREFIX + b.name().toLowerCase(Locale.ROOT);
    }
}
