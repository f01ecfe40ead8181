package com.outcomedesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The hand-read yyyy-mm-dd accepts and refuses exactly what the ISO parser does, on valid and invalid days alike. */
class RecordDateTest {
    @Property(tries = 2000)
    void aDateReadsAsTheIsoParserReadsIt(@ForAll @IntRange(min = 0, max = 9999) int year, @ForAll @IntRange(max = 14) int month,
                                         @ForAll @IntRange(max = 33) int day, @ForAll boolean withTime) {
        String text = String.format("%04d-%02d-%02d", year, month, day) + (withTime ? "T10:00" : "");
        ParsedRecord r = RecordValidator.validate(1, record(text));
        LocalDate iso;
        try {
            iso = LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            iso = null;
        }
        if (iso == null) {
            assertThat(r.rejection()).isEqualTo("appointment_date is not a date like 2025-03-31");
        } else if (year == 0) {
            assertThat(r.rejection()).isEqualTo("appointment_date is outside the years 1 to 9999");
        } else {
            assertThat(r.rejected()).as(r.rejection()).isFalse();
            assertThat(r.record().appointmentDate()).isEqualTo(iso);
        }
    }

    private static EnumMap<Field, String> record(String date) {
        EnumMap<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.DOCTOR_ID, "dr_1");
        values.put(Field.SUMMARY, "Seen today with a cough.");
        values.put(Field.APPOINTMENT_DATE, date);
        return values;
    }
}
