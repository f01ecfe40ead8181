package com.outcomedesk.store;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Stamps each local change with who, when, this site, and a hybrid-logical-clock time for sync. */
public final class ChangeStamper {
    private final Clock clock;
    private final HybridClock hlc;
    private final String siteId;

    public ChangeStamper(Clock clock, HybridClock hlc, String siteId) {
        this.clock = clock;
        this.hlc = hlc;
        this.siteId = siteId;
    }

    public void stamp(Appointment appointment, String user) {
        appointment.stamp(user, now(), siteId, hlc.tick());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public long tick() {
        return hlc.tick();
    }

    public HybridClock hlc() {
        return hlc;
    }

    public String siteId() {
        return siteId;
    }
}
