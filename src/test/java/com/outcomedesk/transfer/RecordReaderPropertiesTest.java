package com.outcomedesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Whatever text a record holds, writing it as JSON or CSV and reading it back gives the same record; a value of the
 * wrong JSON type is refused, never turned into text; a file that is not UTF-8 is refused at its first bad byte.
 */
class RecordReaderPropertiesTest {

    record Raw(String id, String doctor, String summary, String outcome) {
    }

    @Provide
    Arbitrary<List<Raw>> records() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(60)
                .withCharRange(' ', '~').withChars('\n', '"', ',', ';', 'é', '\u2013')
                .filter(s -> !s.isBlank());
        Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
        // Within the engine's rules (see AppointmentInputTest): ids of letters, digits and _ - . ; summaries of 3+ words.
        Arbitrary<String> doctor = Arbitraries.strings().alpha().numeric().withChars('_', '-', '.').ofMaxLength(20).map(s -> "d" + s);
        Arbitrary<String> summary = text.map(s -> "Seen today: " + s);
        return Combinators.combine(id, doctor, summary, text.injectNull(0.3)).as(Raw::new).list().ofMaxSize(20)
                .uniqueElements(Raw::id);
    }

    @Property(tries = 60)
    void jsonRoundTrip(@ForAll("records") List<Raw> raws) throws IOException {
        Path file = Files.createTempFile("records", ".json");
        try {
            new ObjectMapper().writeValue(file.toFile(), maps(raws));
            assertThat(readAll(file, FileFormat.JSON)).isEqualTo(expected(raws));
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 60)
    void csvRoundTrip(@ForAll("records") List<Raw> raws) throws IOException {
        Path file = Files.createTempFile("records", ".csv");
        try {
            CsvSchema schema = CsvSchema.builder().setUseHeader(true).addColumn("id").addColumn("doctor_id")
                    .addColumn("summary").addColumn("future_outcome").build();
            new CsvMapper().writer(schema).writeValue(file.toFile(), maps(raws));
            assertThat(readAll(file, FileFormat.CSV)).isEqualTo(expected(raws));
        } finally {
            Files.delete(file);
        }
    }

    private static List<Map<String, String>> maps(List<Raw> raws) {
        List<Map<String, String>> list = new ArrayList<>();
        for (Raw r : raws) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("doctor_id", r.doctor());
            m.put("summary", r.summary());
            m.put("future_outcome", r.outcome());
            list.add(m);
        }
        return list;
    }

    private static List<AppointmentRecord> expected(List<Raw> raws) {
        return raws.stream().map(r -> new AppointmentRecord(r.id(), r.doctor().strip(), r.summary().strip(),
                r.outcome() == null || r.outcome().isBlank() ? null : r.outcome().strip(), null, null)).toList();
    }

    private static List<AppointmentRecord> readAll(Path file, FileFormat format) throws IOException {
        List<AppointmentRecord> out = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(file, format)) {
            ParsedRecord p;
            while ((p = reader.next()) != null) {
                assertThat(p.rejection()).isNull();
                out.add(p.record());
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "[]", "[\"a\"]", "{}", "{\"text\":\"x\"}"));
    }

    @Property(tries = 100)
    void aValueThatIsNotTextRejectsItsRecordWithTheFieldAndItsType(@ForAll Field field, @ForAll("wrongValues") String value)
            throws IOException {
        Map<Field, String> good = Map.of(Field.ID, "\"r2\"", Field.DOCTOR_ID, "\"dr_a\"",
                Field.SUMMARY, "\"Seen today with a cough.\"", Field.OUTCOME, "\"Improved.\"",
                Field.PATIENT_REF, "\"P-1\"", Field.APPOINTMENT_DATE, "\"2025-03-31\"");
        StringBuilder bad = new StringBuilder("{");
        for (Field f : Field.values()) {
            if (bad.length() > 1) bad.append(',');
            bad.append('"').append(f.canonical()).append("\":").append(f == field ? value : good.get(f));
        }
        Path file = Files.createTempFile("types", ".json");
        try {
            Files.writeString(file, "[" + bad + "},{\"doctor_id\":\"dr_a\",\"summary\":\"Seen today with a cough.\"}]");
            try (RecordReader reader = RecordReader.open(file, FileFormat.JSON)) {
                String kind = value.startsWith("[") ? "a list" : value.startsWith("{") ? "an object"
                        : value.equals("true") || value.equals("false") ? "true or false" : "a number";
                assertThat(reader.next().rejection()).isEqualTo(field.canonical() + " must be text in double quotes, not " + kind);
                assertThat(reader.next().rejected()).isFalse();
                assertThat(reader.next()).isNull();
            }
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 100)
    void aLatin1ByteIsReportedWithItsOffsetAndLine(@ForAll("records") List<Raw> raws, @ForAll @DoubleRange(min = 0, max = 1) double where) throws IOException {
        Path file = Files.createTempFile("latin1", ".json");
        try {
            byte[] utf8 = new ObjectMapper().writeValueAsString(maps(raws)).getBytes(StandardCharsets.UTF_8);
            // A Latin-1 'é' inside the text, between two characters (never inside a UTF-8 sequence).
            int at = 1 + (int) (where * (utf8.length - 2));
            while (at < utf8.length && (utf8[at] & 0xC0) == 0x80) at++;
            byte[] bytes = new byte[utf8.length + 1];
            System.arraycopy(utf8, 0, bytes, 0, at);
            bytes[at] = (byte) 0xE9;
            System.arraycopy(utf8, at, bytes, at + 1, utf8.length - at);
            Files.write(file, bytes);
            long line = 1 + new String(utf8, 0, at, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
            assertThatThrownBy(() -> readAll(file, FileFormat.JSON)).isInstanceOf(TransferException.class)
                    .hasMessage(file.getFileName() + " is not UTF-8 text (byte 0xE9 at byte offset " + at + ", line " + line
                            + "): save it as UTF-8 and try again.");
        } finally {
            Files.delete(file);
        }
    }
}
