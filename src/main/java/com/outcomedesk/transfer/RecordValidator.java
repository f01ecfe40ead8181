package com.outcomedesk.transfer;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.TextRule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;

/** Turns raw field values into a record, or a rejection reason a user can act on. */
final class RecordValidator {
    private RecordValidator() {
    }

    static ParsedRecord validate(long position, EnumMap<Field, String> values) {
        String doctor = trimmed(values.get(Field.DOCTOR_ID));
        String summary = trimmed(values.get(Field.SUMMARY));
        String outcome = trimmed(values.get(Field.OUTCOME));
        String patient = trimmed(values.get(Field.PATIENT_REF));
        if (doctor == null) return reject(position, "missing or empty doctor_id");
        if (summary == null) return reject(position, "missing or empty summary");
        LocalDate date = null;
        String rawDate = trimmed(values.get(Field.APPOINTMENT_DATE));
        if (rawDate != null) {
            try {
                date = LocalDate.parse(rawDate.length() > 10 ? rawDate.substring(0, 10) : rawDate);
            } catch (DateTimeParseException e) {
                return reject(position, "appointment_date '" + abbreviate(rawDate) + "' is not a date like 2025-03-31");
            }
        }
        AppointmentInput input = new AppointmentInput(doctor, summary, date, patient, outcome).normalised();
        List<AppointmentInput.Problem> problems = input.check();
        if (!problems.isEmpty()) {
            return reject(position, String.join("; ", problems.stream().map(AppointmentInput.Problem::message).toList()));
        }
        String id = trimmed(values.get(Field.ID));
        if (id != null && id.length() > 200) return reject(position, "id is longer than 200 characters");
        TextRule.Violation broken = TextRule.SINGLE_LINE.check(id);
        if (broken != null) return reject(position, "id " + TextRule.describe(broken));
        return new ParsedRecord(position, new AppointmentRecord(id, doctor, input.summary(), input.outcomeText(), patient,
                date), null);
    }

    private static ParsedRecord reject(long position, String reason) {
        return new ParsedRecord(position, null, reason);
    }

    private static String trimmed(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
