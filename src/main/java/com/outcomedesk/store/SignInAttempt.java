package com.outcomedesk.store;

import java.time.OffsetDateTime;

/** What a sign-in attempt is checked against: the password hash and the account's lockout counter. */
public record SignInAttempt(String passwordHash, int failures, OffsetDateTime lockedUntil) {
}
