package com.outcomedesk.sync;

import java.time.OffsetDateTime;

/**
 * A row sync holds back: {@code entity} and {@code entityId} name it, {@code field} is the column breaking the text
 * rule (null when the server refused the row as a whole), {@code reason} says why without the value, and
 * {@code direction} says whether it was met pushing ("push": it stays here, pending) or pulling ("pull": stored here
 * as the server has it).
 */
public record QuarantineEntry(String entity, String entityId, String field, String reason, String direction,
                              OffsetDateTime detectedAt) {
}
