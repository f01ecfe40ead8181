package com.outcomedesk.store;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A hybrid logical clock: wall-clock milliseconds in the high bits and a counter in the low 16,
 * so timestamps grow monotonically on a site and order changes across sites for last-writer-wins.
 */
public final class HybridClock {
    private static final int COUNTER_BITS = 16;
    private final Clock wallClock;
    private long last;
    /** A timestamp being read from storage that every later tick must exceed; see {@link #observeWhenKnown}. */
    private CompletableFuture<Long> floor;

    public HybridClock(Clock wallClock) {
        this.wallClock = wallClock;
    }

    public static HybridClock system() {
        return new HybridClock(Clock.systemUTC());
    }

    /** A timestamp for a local change, later than every timestamp issued or observed before. */
    public synchronized long tick() {
        if (floor != null) {
            last = Math.max(last, floor.join());
            floor = null;
        }
        long physical = wallClock.millis() << COUNTER_BITS;
        last = Math.max(physical, last + 1);
        return last;
    }

    /** Advances past a timestamp received from another site, so later local changes order after it. */
    public synchronized void observe(long remote) {
        last = Math.max(last, remote);
    }

    /**
     * Like {@link #observe} for a timestamp still being computed (the largest stored one, read by a scan that
     * should not delay opening a large store): the next tick waits for it.
     */
    public synchronized void observeWhenKnown(CompletableFuture<Long> stored) {
        floor = stored.exceptionally(failure -> 0L);
    }

    public static long millisOf(long hlc) {
        return hlc >>> COUNTER_BITS;
    }
}
