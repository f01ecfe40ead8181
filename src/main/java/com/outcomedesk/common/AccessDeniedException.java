package com.outcomedesk.common;

/** The signed-in user's role does not allow the action. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
