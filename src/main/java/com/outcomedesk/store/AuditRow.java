package com.outcomedesk.store;

import java.time.OffsetDateTime;

/** A row of {@code audit_log}: one entry of a site's chain and its link to the entry before it. */
public record AuditRow(String site, long seq, OffsetDateTime occurredAt, String user, String action, String entity,
                       String entityId, String details, String prevHash, String hash) {
}
