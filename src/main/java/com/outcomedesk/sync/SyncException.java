package com.outcomedesk.sync;

/** A sync failure other than the server being unreachable, with a message saying what to do. */
public class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
