package com.outcomedesk.monitor;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A raised alert: which rule, for which period and subject, why; acknowledged by whom and when (null while open). */
public record Alert(UUID id, String rule, String period, String subject, String message, OffsetDateTime raisedAt,
                    boolean acknowledged, String acknowledgedBy, OffsetDateTime acknowledgedAt) {
}
