package com.outcomedesk.transfer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
}
