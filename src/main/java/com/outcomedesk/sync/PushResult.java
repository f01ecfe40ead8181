package com.outcomedesk.sync;

/**
 * What pushing one table (or a batch of it) did: rows written on the server, conflicts newly recorded there, and
 * rows held back in the quarantine (they stay pending here).
 */
public record PushResult(long pushed, long conflicts, long quarantined) {
    public static final PushResult NONE = new PushResult(0, 0, 0);

    public PushResult plus(PushResult other) {
        return new PushResult(pushed + other.pushed, conflicts + other.conflicts, quarantined + other.quarantined);
    }
}
