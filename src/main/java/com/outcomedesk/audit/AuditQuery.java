package com.outcomedesk.audit;

import com.outcomedesk.store.AuditRepository;
import java.time.OffsetDateTime;

/** Filters for browsing the audit trail; null means "any". */
public record AuditQuery(String user, String action, String entity, String entityId, OffsetDateTime from,
                         OffsetDateTime to, int limit) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, Integer.MAX_VALUE);

    AuditRepository.Filter filter() {
        return new AuditRepository.Filter(user, action, entity, entityId, from, to, limit);
    }

    public static AuditQuery action(String action) {
        return new AuditQuery(null, action, null, null, null, null, Integer.MAX_VALUE);
    }
}
