package com.outcomedesk.security;

/** A store with accounts was opened without signing in; the caller says how to sign in on its side. */
public final class SignInRequiredException extends AuthenticationException {
    public SignInRequiredException() {
        super("This store has user accounts: sign in as one of them.");
    }
}
