package com.outcomedesk.audit;

import java.time.OffsetDateTime;

/** One row of the audit trail. */
public record AuditEntry(String site, long seq, OffsetDateTime occurredAt, String user, String action, String entity,
                         String entityId, String details, String prevHash, String hash) {
}
