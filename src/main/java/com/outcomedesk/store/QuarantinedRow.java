package com.outcomedesk.store;

import java.time.OffsetDateTime;

/**
 * An entry of the sync quarantine ({@code sync_quarantine}, V47): the row (entity, id), the field and the reason,
 * never the value, and whether it was met pushing or pulling.
 */
public record QuarantinedRow(String entity, String entityId, String field, String reason, String direction,
                             OffsetDateTime detectedAt) {
}
