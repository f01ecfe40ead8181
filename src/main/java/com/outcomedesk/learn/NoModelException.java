package com.outcomedesk.learn;

/**
 * No model can answer: no usable version is active and the store has no appointments with outcomes for the
 * doctor-rate baseline. The message says why; the command line and the desktop each say what to do.
 */
public final class NoModelException extends IllegalStateException {
    public NoModelException(String reason) {
        super("No model is available (" + reason + ") and the store has no appointments with outcomes to fall back on.");
    }
}
