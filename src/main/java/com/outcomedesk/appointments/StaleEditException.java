package com.outcomedesk.appointments;

import com.outcomedesk.store.StoreException;

/** An edit made against a row version that someone else has since replaced; names who changed it and the current version. */
public final class StaleEditException extends StoreException {
    private final String changedBy;
    private final long currentRowVersion;

    StaleEditException(String changedBy, long currentRowVersion) {
        super("This appointment was changed by " + changedBy + " since you opened it; reopen it to see the latest version.");
        this.changedBy = changedBy;
        this.currentRowVersion = currentRowVersion;
    }

    public String changedBy() {
        return changedBy;
    }

    public long currentRowVersion() {
        return currentRowVersion;
    }
}
