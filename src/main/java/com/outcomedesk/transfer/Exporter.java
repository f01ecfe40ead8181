package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.outcomedesk.appointments.TextRule;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.Deidentifier;
import com.outcomedesk.store.AppointmentRepository;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes the stored appointments back in the reference JSON format or as CSV, streaming rows from the
 * database. The file is written beside the target and moved into place, so a failure leaves no half file.
 */
public final class Exporter {
    private static final String[] COLUMNS = {
            Field.ID.canonical(), Field.DOCTOR_ID.canonical(), Field.SUMMARY.canonical(), Field.OUTCOME.canonical(),
            Field.PATIENT_REF.canonical(), Field.APPOINTMENT_DATE.canonical()};

    private final AppointmentRepository appointments;
    private final AuditTrail audit;

    public Exporter(Database database, AuditTrail audit) {
        this.appointments = new AppointmentRepository(database);
        this.audit = audit;
    }

    /** An identifiable export as the local user (a store without accounts). */
    public ExportReport export(Path file, FileFormat format, ProgressListener progress) {
        return export(file, format, ExportMode.IDENTIFIABLE, Actor.localUser(), progress);
    }

    /**
     * Writes the appointments; an identifiable export is for administrators only. Audited either way. A stored
     * lone surrogate half (from before the text rule) cannot be written to a file: it is written as U+FFFD and the
     * record named in the report, so one old record never stops the export of the whole store.
     */
    public ExportReport export(Path file, FileFormat format, ExportMode mode, Actor actor, ProgressListener progress) {
        if (mode == ExportMode.IDENTIFIABLE) actor.requireAdministrator("export identifiable patient data");
        List<String> replaced = new ArrayList<>();
        long written = write(file, format, mode == ExportMode.IDENTIFIABLE ? UnaryOperator.identity()
                : deidentify(new Deidentifier()), replaced, progress);
        audited(actor, file.getFileName().toString(), format, mode, written, replaced);
        return new ExportReport(written, replaced);
    }

    /**
     * The same export written to a stream (the server's answer body) as rows are read: no temporary file, and the
     * audit names {@code target} in place of a file name. The caller owns the stream; it is flushed, not closed.
     */
    public ExportReport export(OutputStream out, String target, FileFormat format, ExportMode mode, Actor actor) {
        if (mode == ExportMode.IDENTIFIABLE) actor.requireAdministrator("export identifiable patient data");
        List<String> replaced = new ArrayList<>();
        long written;
        try (RecordSink sink = sink(new NotClosing(out), format)) {
            written = stream(sink, mode == ExportMode.IDENTIFIABLE ? UnaryOperator.identity() : deidentify(new Deidentifier()),
                    replaced, ProgressListener.NONE);
        } catch (IOException e) {
            throw new TransferException("Cannot write the export to " + target + ": " + e.getMessage(), e);
        }
        audited(actor, target, format, mode, written, replaced);
        return new ExportReport(written, replaced);
    }

    private void audited(Actor actor, String target, FileFormat format, ExportMode mode, long written, List<String> replaced) {
        audit.record(actor, "export", "appointments", target,
                "mode=" + mode.name().toLowerCase() + "; format=" + format.name().toLowerCase() + "; records=" + written
                        + (replaced.isEmpty() ? "" : "; broken-unicode-records=" + replaced.size()));
    }

    /** Lets the generators close (flushing what they buffer) without closing the caller's stream. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Pseudonymous id, no patient reference, shifted date, masked free text. */
    private static UnaryOperator<String[]> deidentify(Deidentifier d) {
        return v -> new String[] {
                d.pseudonym(v[0]), v[1], Deidentifier.mask(v[2]), Deidentifier.mask(v[3]), null,
                v[5] == null ? null : d.shift(LocalDate.parse(v[5]), v[4], v[0]).toString()};
    }

    private long write(Path file, FileFormat format, UnaryOperator<String[]> transform, List<String> replaced,
                       ProgressListener progress) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(temp); RecordSink sink = sink(out, format)) {
                written = stream(sink, transform, replaced, progress);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | StoreException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
            throw new TransferException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private long stream(RecordSink sink, UnaryOperator<String[]> transform, List<String> replaced,
                        ProgressListener progress) {
        long[] n = {0};
        return appointments.streamLive(row -> {
            String id = row.id().toString();
            String[] values = {row.externalId() != null ? row.externalId() : id, row.doctorId(), row.summary(),
                    row.outcomeText(), row.patientRef(),
                    row.appointmentDate() == null ? null : row.appointmentDate().toString()};
            if (wholeSurrogates(values)) replaced.add(id);
            sink.write(transform.apply(values));
            if (++n[0] % 10_000 == 0) progress.progress("Exporting", n[0], -1);
        });
    }

    /** Puts U+FFFD in place of each lone surrogate half; true when there was one. */
    private static boolean wholeSurrogates(String[] values) {
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            String whole = TextRule.wholeSurrogates(values[i]);
            changed |= whole != values[i];
            values[i] = whole;
        }
        return changed;
    }

    private interface RecordSink extends AutoCloseable {
        void write(String[] values) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static RecordSink sink(OutputStream out, FileFormat format) throws IOException {
        return format == FileFormat.JSON ? jsonSink(out) : csvSink(out);
    }

    private static RecordSink jsonSink(OutputStream out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        json.writeStartArray();
        return new RecordSink() {
            @Override
            public void write(String[] values) throws IOException {
                json.writeStartObject();
                for (int i = 0; i < COLUMNS.length; i++) {
                    // The reference format always carries future_outcome (null when unknown); extras only when set.
                    if (values[i] != null || i < 4) json.writeStringField(COLUMNS[i], values[i]);
                }
                json.writeEndObject();
            }

            @Override
            public void close() throws IOException {
                json.writeEndArray();
                json.close();
            }
        };
    }

    private static RecordSink csvSink(OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String column : COLUMNS) schema.addColumn(column);
        CsvGenerator csv = new CsvFactory().createGenerator(out, JsonEncoding.UTF8);
        csv.setSchema(schema.build());
        return new RecordSink() {
            @Override
            public void write(String[] values) throws IOException {
                csv.writeStartArray();
                for (String v : values) csv.writeString(v == null ? "" : v);
                csv.writeEndArray();
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }
}
