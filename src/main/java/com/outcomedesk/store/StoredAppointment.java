package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One live appointment as stored, detached from the persistence context: what callers outside the store read. The
 * row version is the one to hand back with an edit, so a change made by someone else meanwhile is noticed.
 */
public record StoredAppointment(UUID id, long rowVersion, String externalId, String doctorId, String patientRef,
                                LocalDate appointmentDate, String summary, String outcomeText,
                                OutcomeCategory outcomeCategory, OutcomeSource outcomeSource, OffsetDateTime createdAt,
                                String createdBy, OffsetDateTime updatedAt, String updatedBy, String siteId, long hlc) {

    static StoredAppointment of(Appointment a) {
        return new StoredAppointment(a.getId(), a.getRowVersion(), a.getExternalId(), a.getDoctorId(), a.getPatientRef(),
                a.getAppointmentDate(), a.getSummary(), a.getOutcomeText(), a.getOutcomeCategory(), a.getOutcomeSource(),
                a.getCreatedAt(), a.getCreatedBy(), a.getUpdatedAt(), a.getUpdatedBy(), a.getSiteId(), a.getHlc());
    }
}
