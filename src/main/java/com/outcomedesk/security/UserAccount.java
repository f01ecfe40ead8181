package com.outcomedesk.security;

import com.outcomedesk.common.Role;
import java.time.OffsetDateTime;

/** A user account as administrators see it; the password hash never leaves the store. */
public record UserAccount(String name, Role role, boolean disabled, int failedAttempts, OffsetDateTime lockedUntil,
                          OffsetDateTime passwordChangedAt, OffsetDateTime createdAt, String createdBy) {
}
