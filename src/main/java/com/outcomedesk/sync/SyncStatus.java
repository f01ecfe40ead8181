package com.outcomedesk.sync;

import java.time.OffsetDateTime;

/**
 * What the status bar shows: the server, the last completed sync, pending changes, open conflicts, and rows the
 * sync quarantine holds back.
 */
public record SyncStatus(String server, OffsetDateTime lastSync, OffsetDateTime lastAttempt, Boolean reachable,
                         long pending, long openConflicts, long quarantined) {
    public boolean configured() {
        return server != null;
    }
}
