package com.outcomedesk.sync;

/**
 * The OutcomeDesk Server refused this site: its credential is wrong, or an administrator suspended or revoked it.
 * Nothing was changed on either side; the message says what to do.
 */
public final class SiteRefusedException extends SyncException {
    public SiteRefusedException(String message) {
        super(message);
    }
}
