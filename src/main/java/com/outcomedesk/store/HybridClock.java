package com.outcomedesk.store;

import java.time.Clock;

/**
 * A hybrid logical clock: wall-clock milliseconds in the high bits and a counter in the low 16,
 * so timestamps grow monotonically on a site and order changes across sites for last-writer-wins.
 */
public final class HybridClock {
    private static final int COUNTER_BITS = 16;
    private final Clock wallClock;
    private long last;

    public HybridClock(Clock wallClock) {
        this.wallClock = wallClock;
    }

    public static HybridClock system() {
        return new HybridClock(Clock.systemUTC());
    }

    /** A timestamp for a local change, later than every timestamp issued or observed before. */
    public synchronized long tick() {
        long physical = wallClock.millis() << COUNTER_BITS;
        last = Math.max(physical, last + 1);
        return last;
    }

    /** Advances past a timestamp received from another site, so later local changes order after it. */
    public synchronized void observe(long remote) {
        last = Math.max(last, remote);
    }

    public static long millisOf(long hlc) {
        return hlc >>> COUNTER_BITS;
    }
}
