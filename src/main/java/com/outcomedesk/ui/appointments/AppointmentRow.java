package com.outcomedesk.ui.appointments;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.Appointment;
import java.time.LocalDate;
import java.util.UUID;

/** What the table and the form show of one appointment: a detached copy, safe to use on the FX thread. */
public record AppointmentRow(UUID id, long rowVersion, String doctorId, LocalDate date, String patientRef,
                             String summary, String outcomeText, OutcomeCategory category) {

    public static AppointmentRow of(Appointment a) {
        return new AppointmentRow(a.getId(), a.getRowVersion(), a.getDoctorId(), a.getAppointmentDate(),
                a.getPatientRef(), a.getSummary(), a.getOutcomeText(), a.getOutcomeCategory());
    }

    public boolean outcomeKnown() {
        return outcomeText != null;
    }

    /** The category as shown: its code, "unmapped" for an outcome no rule covers, blank when unknown. */
    public String categoryText() {
        if (category != null) return category.code();
        return outcomeText == null ? "" : "unmapped";
    }
}
