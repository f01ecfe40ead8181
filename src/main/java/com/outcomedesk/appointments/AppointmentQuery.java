package com.outcomedesk.appointments;

import com.outcomedesk.outcome.OutcomeCategory;
import java.time.LocalDate;

/** Filters for the appointment list; null fields do not filter. */
public record AppointmentQuery(String doctorId, Boolean outcomeKnown, OutcomeCategory category, LocalDate from,
                               LocalDate to, String text) {
    public static final AppointmentQuery ALL = new AppointmentQuery(null, null, null, null, null, null);

    public AppointmentQuery withDoctor(String doctor) {
        return new AppointmentQuery(doctor, outcomeKnown, category, from, to, text);
    }

    public AppointmentQuery withOutcomeKnown(Boolean known) {
        return new AppointmentQuery(doctorId, known, category, from, to, text);
    }

    public AppointmentQuery withCategory(OutcomeCategory c) {
        return new AppointmentQuery(doctorId, outcomeKnown, c, from, to, text);
    }

    public AppointmentQuery withDates(LocalDate f, LocalDate t) {
        return new AppointmentQuery(doctorId, outcomeKnown, category, f, t, text);
    }

    public AppointmentQuery withText(String t) {
        return new AppointmentQuery(doctorId, outcomeKnown, category, from, to, t);
    }
}
