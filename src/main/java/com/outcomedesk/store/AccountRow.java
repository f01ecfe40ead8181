package com.outcomedesk.store;

import java.time.OffsetDateTime;

/** A row of {@code user_accounts} without its password hash; {@code role} is the stored code. */
public record AccountRow(String name, String role, boolean disabled, int failedAttempts, OffsetDateTime lockedUntil,
                         OffsetDateTime passwordChangedAt, OffsetDateTime createdAt, String createdBy) {
}
