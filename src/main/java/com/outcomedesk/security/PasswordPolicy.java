package com.outcomedesk.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B style): long rather than complex, not the user's name,
 * not a well-known password and not one repeated character.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "password1234", "123456789012", "qwertyuiop12", "administrator", "letmein12345", "welcome12345",
            "password123!", "iloveyou1234", "changeme1234", "outcomedesk1", "outcome-desk");

    private PasswordPolicy() {
    }

    /** Throws with a message saying what to change when the password is not acceptable. */
    public static void check(String userName, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("The password must have at most " + MAX_LENGTH + " characters.");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (userName != null && !userName.isBlank() && lower.contains(userName.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The password must not contain the user name.");
        }
        if (lower.chars().distinct().count() < 4) {
            throw new IllegalArgumentException("The password must use at least 4 different characters.");
        }
        if (COMMON.contains(lower)) {
            throw new IllegalArgumentException("That password is too well known; choose another.");
        }
    }
}
