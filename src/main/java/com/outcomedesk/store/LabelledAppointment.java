package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import java.time.LocalDate;

/** One live appointment with a known outcome, as the case-mix comparison scores it. */
public record LabelledAppointment(String doctorId, String summary, LocalDate date, OutcomeCategory outcome) {
}
