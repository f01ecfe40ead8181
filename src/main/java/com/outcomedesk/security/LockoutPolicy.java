package com.outcomedesk.security;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * After 5 failed sign-ins in a row an account waits before the next attempt; each further failure
 * doubles the wait (30 s, 1 min, 2 min, ... at most 1 hour). A successful sign-in resets the count.
 */
public final class LockoutPolicy {
    public static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Duration MAX_DELAY = Duration.ofHours(1);

    private LockoutPolicy() {
    }

    /** When the next attempt is allowed after this many consecutive failures, or null if at once. */
    public static OffsetDateTime lockedUntil(int failures, OffsetDateTime lastFailure) {
        if (failures < FREE_ATTEMPTS) return null;
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return lastFailure.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    /**
     * True while the account waits. The refusal does not say so: it reads like any failed sign-in (see
     * {@link AccountService#WRONG_CREDENTIALS}), or it would tell which names have accounts.
     */
    public static boolean isLocked(OffsetDateTime lockedUntil, OffsetDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
