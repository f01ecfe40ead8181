package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import java.time.LocalDate;

/**
 * Which live appointments a read takes; null (or blank) fields do not filter. The patient reference matches from its
 * start, the text anywhere in the summary, ignoring case.
 */
public record AppointmentFilter(String doctorId, Boolean outcomeKnown, OutcomeCategory category, LocalDate from,
                                LocalDate to, String text, String patientRef) {
    public static final AppointmentFilter NONE = new AppointmentFilter(null, null, null, null, null, null, null);
}
