package com.outcomedesk.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.common.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Streams generated records to a file in the reference format (JSON, or CSV by extension) and the truth beside it. */
public final class DemoDataWriter {
    private DemoDataWriter() {
    }

    /**
     * @param truth optional CSV of {@code id,p_worse,true_category} for every record
     */
    public static void write(DemoDataGenerator generator, long records, Path out, Path truth, ProgressListener progress)
            throws IOException {
        try (OutputStream stream = Files.newOutputStream(out);
             Writer truthWriter = truth == null ? Writer.nullWriter() : Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            if (truth != null) truthWriter.write("id,p_worse,true_category\n");
            boolean csv = FileFormat.forOutput(out) == FileFormat.CSV;
            JsonGenerator json = csv ? csv(stream) : json(stream);
            if (!csv) json.writeStartArray();
            for (long i = 0; i < records; i++) {
                DemoRecord r = generator.next();
                write(json, r);
                if (truth != null) {
                    truthWriter.write(r.id() + "," + String.format(Locale.ROOT, "%.6f", r.probabilityWorse()) + ","
                            + r.trueCategory().code() + "\n");
                }
                if ((i + 1) % 50_000 == 0) progress.progress("Generating", i + 1, records);
            }
            if (!csv) json.writeEndArray();
            json.close();
        }
    }

    private static JsonGenerator json(OutputStream stream) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        return json;
    }

    private static JsonGenerator csv(OutputStream stream) throws IOException {
        CsvGenerator csv = new CsvFactory().createGenerator(stream, JsonEncoding.UTF8);
        csv.setSchema(CsvSchema.builder().setUseHeader(true).addColumn("id").addColumn("doctor_id")
                .addColumn("summary").addColumn("future_outcome").addColumn("patient_ref").addColumn("appointment_date").build());
        return csv;
    }

    private static void write(JsonGenerator g, DemoRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("doctor_id", r.doctorId());
        g.writeStringField("summary", r.summary());
        g.writeStringField("future_outcome", r.outcome());
        g.writeStringField("patient_ref", r.patientRef());
        g.writeStringField("appointment_date", r.appointmentDate().toString());
        g.writeEndObject();
    }
}
