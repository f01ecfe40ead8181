package com.outcomedesk.transfer;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.TextRule;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;

/**
 * Turns raw field values into a record, or a rejection reason a user can act on. Every rule of the appointments
 * table (not-null, column sizes, text the database can store, date range) is checked here, so the database never
 * sees a row it would refuse. Reasons name fields, never values.
 */
final class RecordValidator {
    /** The size of the {@code external_id} column. */
    static final int MAX_ID_LENGTH = 200;
    private static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private RecordValidator() {
    }

    static ParsedRecord validate(long position, EnumMap<Field, String> values) {
        String doctor = trimmed(values.get(Field.DOCTOR_ID));
        String summary = trimmed(values.get(Field.SUMMARY));
        String outcome = trimmed(values.get(Field.OUTCOME));
        String patient = trimmed(values.get(Field.PATIENT_REF));
        String rawId = values.get(Field.ID);
        String id = trimmed(rawId);
        boolean idTrimmed = id != null && id.length() != rawId.length();
        if (doctor == null) return reject(position, "missing or empty doctor_id", idTrimmed);
        if (summary == null) return reject(position, "missing or empty summary", idTrimmed);
        LocalDate date;
        try {
            date = date(trimmed(values.get(Field.APPOINTMENT_DATE)));
        } catch (DateTimeParseException e) {
            return reject(position, "appointment_date is not a date like 2025-03-31", idTrimmed);
        }
        if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
            return reject(position, "appointment_date is outside the years 1 to 9999", idTrimmed);
        }
        AppointmentInput input = new AppointmentInput(doctor, summary, date, patient, outcome).normalised();
        List<AppointmentInput.Problem> problems = input.check();
        AppointmentInput.checkText(problems, Field.ID.canonical(), id, MAX_ID_LENGTH, TextRule.SINGLE_LINE);
        if (!problems.isEmpty()) {
            return reject(position, String.join("; ", problems.stream().map(AppointmentInput.Problem::message).toList()),
                    idTrimmed);
        }
        return new ParsedRecord(position, new AppointmentRecord(id, doctor, input.summary(), input.outcomeText(), patient,
                date), null, idTrimmed);
    }

    /** A date, or a date and time whose time is dropped ("2025-03-31T10:00"); anything after the date is refused. */
    private static LocalDate date(String raw) {
        if (raw == null) return null;
        boolean withTime = raw.length() > 10 && (raw.charAt(10) == 'T' || raw.charAt(10) == ' ');
        String day = withTime ? raw.substring(0, 10) : raw;
        // The common yyyy-mm-dd read by hand: the parser's general machinery cost more than featurising the summary.
        if (day.length() == 10 && day.charAt(4) == '-' && day.charAt(7) == '-') {
            int year = digits(day, 0, 4), month = digits(day, 5, 7), dayOfMonth = digits(day, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= YearMonth.of(year, month).lengthOfMonth()) {
                return LocalDate.of(year, month, dayOfMonth);
            }
        }
        return LocalDate.parse(day);
    }

    /** The ASCII digits from..to as a number, or -1 if any is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static ParsedRecord reject(long position, String reason, boolean idTrimmed) {
        return new ParsedRecord(position, null, reason, idTrimmed);
    }

    private static String trimmed(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
