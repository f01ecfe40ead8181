package com.outcomedesk.ui.support;

/** Work the user cancelled; reported as information, not as an error. */
public class CancelledException extends RuntimeException {
    public CancelledException(String message) {
        super(message);
    }
}
