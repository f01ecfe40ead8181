package com.outcomedesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
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

/** Whatever text a record holds, writing it as JSON or CSV and reading it back gives the same record. */
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
}
