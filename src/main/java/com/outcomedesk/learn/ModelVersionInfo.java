package com.outcomedesk.learn;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A model version without its artifact: what lists and the UI show. Metrics are means over folds. */
public record ModelVersionInfo(UUID id, int version, String algorithm, String status, String trainedBy,
                               OffsetDateTime trainedAt, Long durationMs, Long labelledRows, Integer folds,
                               String dataFingerprint, Double auc, Double accuracy, Double f1) {
}
