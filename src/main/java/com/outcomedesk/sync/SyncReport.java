package com.outcomedesk.sync;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The outcome of one sync run. {@code reachable} false means the server could not be reached, or the
 * connection dropped ({@code interrupted}); everything committed stays and the next run continues where this
 * one stopped. {@code quarantined}: rows held back (see {@link SyncService#quarantine()}) after the run.
 */
public record SyncReport(String server, boolean reachable, boolean interrupted, boolean complete, long pushed, long pulled,
                         long conflicts, long openConflicts, long quarantined, long pending, long durationMs, long pushMs, long pullMs, int attempts,
                         Map<String, Long> pushedByTable, Map<String, Long> pulledByTable, OffsetDateTime finishedAt,
                         String message) {

    /** This report counted over several attempts of one sync. */
    SyncReport after(SyncReport earlier, int attempts) {
        Map<String, Long> push = new java.util.LinkedHashMap<>(earlier.pushedByTable);
        pushedByTable.forEach((k, v) -> push.merge(k, v, Long::sum));
        Map<String, Long> pull = new java.util.LinkedHashMap<>(earlier.pulledByTable);
        pulledByTable.forEach((k, v) -> pull.merge(k, v, Long::sum));
        return new SyncReport(server, reachable, interrupted, complete, earlier.pushed + pushed, earlier.pulled + pulled,
                earlier.conflicts + conflicts, openConflicts, quarantined, pending, earlier.durationMs + durationMs,
                earlier.pushMs + pushMs, earlier.pullMs + pullMs, attempts, push,
                pull, finishedAt, message);
    }
}
