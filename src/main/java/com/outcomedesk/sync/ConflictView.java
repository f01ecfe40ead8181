package com.outcomedesk.sync;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A conflict as administrators review it: the record, which version is in use (winner) and the version
 * kept aside (the loser, whole). After a swap the kept version is the one that was replaced.
 */
public record ConflictView(UUID id, String entity, String entityId, String status, OffsetDateTime detectedAt,
                           Long winnerHlc, String winnerSite, Long loserHlc, String loserSite,
                           Map<String, Object> kept, String resolvedBy, OffsetDateTime resolvedAt) {
}
