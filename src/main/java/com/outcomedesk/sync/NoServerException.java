package com.outcomedesk.sync;

/** Sync was asked for while no server is configured; the command line and the desktop each say how to set one. */
public final class NoServerException extends SyncException {
    public NoServerException() {
        super("No sync server is configured.");
    }
}
