package com.outcomedesk.server.limits;

import java.util.EnumMap;
import java.util.Map;

/**
 * Requests allowed per minute for each budget, per user and (separately) per client address. The defaults let a
 * clinic's PCs and a script work freely while a guessing loop on sign-in is slowed to a crawl.
 */
public record RateLimitSettings(Map<Budget, Integer> perMinute) {
    public RateLimitSettings {
        perMinute = Map.copyOf(perMinute);
        for (Budget b : Budget.values()) {
            Integer n = perMinute.get(b);
            if (n == null || n < 1) throw new IllegalArgumentException("A rate limit for " + b + " of at least 1 a minute is needed");
        }
    }

    public static RateLimitSettings defaults() {
        Map<Budget, Integer> m = new EnumMap<>(Budget.class);
        m.put(Budget.SIGN_IN, 10);
        m.put(Budget.PREDICT, 600_000);
        m.put(Budget.BATCH, 60);
        m.put(Budget.TRAIN, 6);
        return new RateLimitSettings(m);
    }

    public RateLimitSettings with(Budget budget, int n) {
        Map<Budget, Integer> m = new EnumMap<>(perMinute);
        m.put(budget, n);
        return new RateLimitSettings(m);
    }

    /** The largest limit an administrator may set for a budget: beyond it a limit no longer limits anything. */
    public static int maximum(Budget budget) {
        return budget == Budget.PREDICT ? 60_000_000 : 1_000_000;
    }

    public int of(Budget budget) {
        return perMinute.get(budget);
    }
}
