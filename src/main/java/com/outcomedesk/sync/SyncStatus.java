package com.outcomedesk.sync;

import java.time.OffsetDateTime;

/** What the status bar shows: the server, the last completed sync, pending changes, open conflicts. */
public record SyncStatus(String server, OffsetDateTime lastSync, OffsetDateTime lastAttempt, Boolean reachable,
                         long pending, long openConflicts) {
    public boolean configured() {
        return server != null;
    }
}
