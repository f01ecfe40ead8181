package com.outcomedesk.store;

import java.time.Instant;

/**
 * A site enrolled with this OutcomeDesk Server (V49), as the store keeps it: hashes only, never a code or secret.
 * {@code pushScope} (which rows it may change) and {@code pullScope} (V56: which rows it may see) are each "*" (the
 * whole network) or a comma-separated list of site names or store site ids.
 */
public record SyncSiteRow(String name, String status, String codeHash, Instant codeExpiresAt, String secretHash,
                          String storeSiteId, String pushScope, Instant createdAt, String createdBy, Instant enrolledAt,
                          Instant lastSeenAt, Instant changedAt, String pullScope) {
}
