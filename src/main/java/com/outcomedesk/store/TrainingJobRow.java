package com.outcomedesk.store;

import java.time.Instant;
import java.util.UUID;

/** A training job as the store keeps it; {@code total} is -1 while unknown. */
public record TrainingJobRow(UUID id, String user, String state, String stage, long done, long total, Instant submittedAt,
                             Instant startedAt, Instant finishedAt, Integer resultVersion, String errorReason) {
}
