package com.outcomedesk.security;

/** A sign-in was refused: unknown user, wrong password, disabled or locked account. */
public class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
