package com.outcomedesk.server.http;

import com.outcomedesk.store.StoredAppointment;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * An appointment as the API answers it (the command line prints no single appointments, so it lives here): the JSON
 * names of the request body, codes in lower case, and the row version to send back with an update. Times are rounded
 * to the microsecond, as H2 and PostgreSQL store them: a row just saved answers the times a later read answers.
 */
record AppointmentJson(UUID id, long rowVersion, String externalId, String doctorId, String patientRef, LocalDate date,
                       String summary, String outcome, String category, String outcomeSource, OffsetDateTime createdAt,
                       String createdBy, OffsetDateTime updatedAt, String updatedBy, String siteId) {

    static AppointmentJson of(StoredAppointment a) {
        return new AppointmentJson(a.id(), a.rowVersion(), a.externalId(), a.doctorId(), a.patientRef(), a.appointmentDate(),
                a.summary(), a.outcomeText(), a.outcomeCategory() == null ? null : a.outcomeCategory().code(),
                a.outcomeSource() == null ? null : a.outcomeSource().name().toLowerCase(Locale.ROOT), micros(a.createdAt()),
                a.createdBy(), micros(a.updatedAt()), a.updatedBy(), a.siteId());
    }

    private static OffsetDateTime micros(OffsetDateTime t) {
        return t == null ? null : t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }
}
