package com.outcomedesk.security;

/** A sign-in on a store that has no accounts yet; the caller says how to create the first administrator. */
public final class NoAccountsException extends AuthenticationException {
    public NoAccountsException() {
        super("This store has no accounts yet; create the administrator first.");
    }
}
