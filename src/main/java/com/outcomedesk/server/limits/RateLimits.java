package com.outcomedesk.server.limits;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One token bucket per (budget, user) and per (budget, client address): a request takes a permit from both or is
 * refused. A large budget (prediction) is refilled each second with a sixtieth of it, so a client cannot spend a
 * minute's worth at once; a small one (sign-in, batch, training) once a minute with all of it: a few quick requests
 * pass, a guessing loop waits. Buckets are kept
 * for the most recently seen keys only, so a flood of addresses cannot fill the memory. New settings apply to the next
 * request: the buckets start again under them.
 */
public final class RateLimits {
    private static final int MAX_KEYS = 20_000;
    /** Budgets this large are refilled every second (a sixtieth each time), smaller ones once a minute. */
    static final int PER_SECOND_FROM = 6_000;

    private volatile RateLimitSettings settings;
    private final Map<String, AtomicRateLimiter> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public RateLimits(RateLimitSettings settings) {
        this.settings = settings;
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** Applies new limits at once: every bucket starts again, full, under them. */
    public void update(RateLimitSettings limits) {
        synchronized (buckets) {
            settings = limits;
            buckets.clear();
        }
    }

    /**
     * Takes a permit for the user (null before sign-in) and the address; empty when allowed, else the whole seconds
     * to wait before the next permit.
     */
    public OptionalLong take(Budget budget, String user, String address) {
        long waitNanos = 0;
        if (user != null) waitNanos = Math.max(waitNanos, takeFrom(budget.name() + "/user/" + user, budget));
        waitNanos = Math.max(waitNanos, takeFrom(budget.name() + "/ip/" + address, budget));
        return waitNanos == 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    private long takeFrom(String key, Budget budget) {
        AtomicRateLimiter bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> new AtomicRateLimiter(k, config(budget)));
        }
        if (bucket.acquirePermission()) return 0;
        return Math.max(1, bucket.getDetailedMetrics().getNanosToWait());
    }

    private RateLimiterConfig config(Budget budget) {
        int perMinute = settings.of(budget);
        boolean perSecond = perMinute >= PER_SECOND_FROM;
        return RateLimiterConfig.custom().limitForPeriod(perSecond ? perMinute / 60 : perMinute)
                .limitRefreshPeriod(perSecond ? Duration.ofSeconds(1) : Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO).build();
    }
}
