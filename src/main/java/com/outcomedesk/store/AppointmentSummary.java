package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import java.util.UUID;

/** One live appointment's summary and outcome category ({@code null} when unknown), keyed for keyset paging. */
public record AppointmentSummary(UUID id, String summary, OutcomeCategory outcome) {
}
