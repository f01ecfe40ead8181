package com.outcomedesk.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sync conflict as this store holds it ({@code sync_conflicts}): the record it concerns, the winning and the
 * losing version (hybrid-clock stamp and site), the losing row whole as JSON, and the administrator's decision.
 */
public record StoredConflict(UUID id, String entity, String entityId, Long winnerHlc, String winnerSite, Long loserHlc,
                             String loserSite, String loserData, OffsetDateTime detectedAt, String status,
                             String resolvedBy, OffsetDateTime resolvedAt) {
    /** The status of a conflict no administrator has decided yet. */
    public static final String OPEN = "open";
}
