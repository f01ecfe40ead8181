package com.outcomedesk.audit;

import com.outcomedesk.store.AuditRow;
import java.time.OffsetDateTime;

/** One row of the audit trail. */
public record AuditEntry(String site, long seq, OffsetDateTime occurredAt, String user, String action, String entity,
                         String entityId, String details, String prevHash, String hash) {
    static AuditEntry of(AuditRow r) {
        return new AuditEntry(r.site(), r.seq(), r.occurredAt(), r.user(), r.action(), r.entity(), r.entityId(),
                r.details(), r.prevHash(), r.hash());
    }
}
