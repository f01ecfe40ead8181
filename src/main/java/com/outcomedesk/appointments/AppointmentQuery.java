package com.outcomedesk.appointments;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.AppointmentFilter;
import java.time.LocalDate;

/** Filters for the appointment list; null fields do not filter. The patient reference matches from its start. */
public record AppointmentQuery(String doctorId, Boolean outcomeKnown, OutcomeCategory category, LocalDate from,
                               LocalDate to, String text, String patientRef) {
    public static final AppointmentQuery ALL = new AppointmentQuery(null, null, null, null, null, null, null);

    public AppointmentQuery withDoctor(String doctor) {
        return new AppointmentQuery(doctor, outcomeKnown, category, from, to, text, patientRef);
    }

    public AppointmentQuery withOutcomeKnown(Boolean known) {
        return new AppointmentQuery(doctorId, known, category, from, to, text, patientRef);
    }

    public AppointmentQuery withCategory(OutcomeCategory c) {
        return new AppointmentQuery(doctorId, outcomeKnown, c, from, to, text, patientRef);
    }

    public AppointmentQuery withDates(LocalDate f, LocalDate t) {
        return new AppointmentQuery(doctorId, outcomeKnown, category, f, t, text, patientRef);
    }

    public AppointmentQuery withText(String t) {
        return new AppointmentQuery(doctorId, outcomeKnown, category, from, to, t, patientRef);
    }

    public AppointmentQuery withPatient(String p) {
        return new AppointmentQuery(doctorId, outcomeKnown, category, from, to, text, p);
    }

    /** The same filter as the store takes it. */
    AppointmentFilter filter() {
        return new AppointmentFilter(doctorId, outcomeKnown, category, from, to, text, patientRef);
    }
}
