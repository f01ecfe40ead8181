package com.outcomedesk.transfer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One record of an interchange file, already validated. */
public record AppointmentRecord(String id, String doctorId, String summary, String outcome, String patientRef,
                                LocalDate appointmentDate) {

    /**
     * The store key: the record's id when it is a UUID, else a UUID derived from the id (or, without one,
     * from the content), so re-importing a file, here or at another site, yields the same keys.
     */
    public UUID key() {
        if (id != null) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException notUuid) {
                return UUID.nameUUIDFromBytes(("appointment:" + id).getBytes(StandardCharsets.UTF_8));
            }
        }
        String content = String.join("\u0000", doctorId, summary, String.valueOf(outcome), String.valueOf(patientRef),
                String.valueOf(appointmentDate));
        return UUID.nameUUIDFromBytes(("content:" + content).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical names of the fields in which {@code other} differs from this record; empty when the same. */
    public List<String> fieldsDifferingFrom(AppointmentRecord other) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(id, other.id)) fields.add(Field.ID.canonical());
        if (!Objects.equals(doctorId, other.doctorId)) fields.add(Field.DOCTOR_ID.canonical());
        if (!Objects.equals(summary, other.summary)) fields.add(Field.SUMMARY.canonical());
        if (!Objects.equals(outcome, other.outcome)) fields.add(Field.OUTCOME.canonical());
        if (!Objects.equals(patientRef, other.patientRef)) fields.add(Field.PATIENT_REF.canonical());
        if (!Objects.equals(appointmentDate, other.appointmentDate)) fields.add(Field.APPOINTMENT_DATE.canonical());
        return fields;
    }
}
