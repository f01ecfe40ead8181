package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;

/** How many of one doctor's live appointments ended in one outcome category. */
public record DoctorOutcomeCount(String doctorId, OutcomeCategory category, long count) {
}
