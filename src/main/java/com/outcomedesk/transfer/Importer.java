package com.outcomedesk.transfer;

import com.outcomedesk.appointments.OutcomeMappingService;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.outcome.OutcomeClassification;
import com.outcomedesk.outcome.OutcomeClassifier;
import com.outcomedesk.security.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Imports appointment files. A first streaming pass checks the whole file is well formed, so a broken
 * file is refused before anything is written; a second pass inserts in JDBC batches. Hibernate is
 * bypassed here on purpose: managing a million entities in a persistence context is many times slower
 * and needs memory proportional to the file.
 */
public final class Importer {
    private static final int BATCH = 2_000;

    private static final String INSERT_APPOINTMENT = """
            MERGE INTO appointments t USING (VALUES (CAST(? AS UUID))) AS s(id) ON t.id = s.id
            WHEN NOT MATCHED THEN INSERT (id, external_id, doctor_id, patient_ref, appointment_date, summary,
                outcome_text, outcome_category, outcome_source, created_at, created_by, updated_at, updated_by,
                site_id, row_version, hlc, deleted)
            VALUES (s.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE)""";
    private static final String INSERT_DOCTOR = """
            MERGE INTO doctors t USING (VALUES (CAST(? AS VARCHAR(100)))) AS s(doctor_id) ON t.doctor_id = s.doctor_id
            WHEN NOT MATCHED THEN INSERT (doctor_id, created_at) VALUES (s.doctor_id, ?)""";

    private final Database database;
    private final OutcomeMappingService outcomes;
    private final ChangeStamper stamper;
    private final AuditTrail audit;

    public Importer(Database database, OutcomeMappingService outcomes, ChangeStamper stamper, AuditTrail audit) {
        this.database = database;
        this.outcomes = outcomes;
        this.stamper = stamper;
        this.audit = audit;
    }

    public ImportReport importFile(Path file, Actor actor, ProgressListener progress) {
        if (!Files.isRegularFile(file)) {
            throw new TransferException("Cannot import " + file + ": no such file.");
        }
        try {
            FileFormat format = FileFormat.detect(file);
            long total = check(file, format, progress);
            ImportReport report = insert(file, format, total, actor, progress);
            audit.record(actor, "import", "appointments", file.getFileName().toString(), "format="
                    + format.name().toLowerCase() + "; imported=" + report.imported() + "; skipped=" + report.skipped()
                    + "; rejected=" + report.rejectedTotal());
            return report;
        } catch (IOException e) {
            throw new TransferException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** First pass: reads everything, writes nothing; throws on malformed content. Returns the record count. */
    private long check(Path file, FileFormat format, ProgressListener progress) throws IOException {
        long count = 0;
        try (RecordReader reader = RecordReader.open(file, format)) {
            while (reader.next() != null) {
                if (++count % 50_000 == 0) {
                    progress.progress("Checking file", count, -1);
                    cancelIfInterrupted();
                }
            }
        }
        return count;
    }

    private ImportReport insert(Path file, FileFormat format, long total, Actor actor, ProgressListener progress)
            throws IOException {
        OutcomeClassifier classifier = outcomes.classifier();
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        long rejectedTotal = 0;
        long imported = 0;
        long skipped = 0;
        Set<String> knownDoctors = new HashSet<>();
        try (RecordReader reader = RecordReader.open(file, format);
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement appointments = connection.prepareStatement(INSERT_APPOINTMENT);
                 PreparedStatement doctors = connection.prepareStatement(INSERT_DOCTOR)) {
                OffsetDateTime now = stamper.now();
                int pending = 0;
                long done = 0;
                ParsedRecord parsed;
                while ((parsed = reader.next()) != null) {
                    done++;
                    if (parsed.rejected()) {
                        if (rejected.size() < ImportReport.MAX_LISTED) {
                            rejected.add(new ImportReport.Rejection(parsed.position(), parsed.rejection()));
                        }
                        rejectedTotal++;
                        continue;
                    }
                    AppointmentRecord record = parsed.record();
                    UUID key = record.key();
                    if (knownDoctors.add(record.doctorId())) {
                        doctors.setString(1, record.doctorId());
                        doctors.setObject(2, now);
                        doctors.executeUpdate();
                    }
                    // A repeated id, in this file or already stored, inserts nothing and counts as skipped.
                    bind(appointments, record, key, classifier.classify(record.outcome()), actor, now);
                    appointments.addBatch();
                    if (++pending == BATCH) {
                        long added = flush(appointments, connection);
                        imported += added;
                        skipped += pending - added;
                        pending = 0;
                        progress.progress("Importing", done, total);
                        cancelIfInterrupted();
                    }
                }
                long added = flush(appointments, connection);
                imported += added;
                skipped += pending - added;
                progress.progress("Importing", done, total);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            List<String> warnings = reader.unknownKeys().stream()
                    .map(k -> "Ignored unknown field '" + k + "'").toList();
            return new ImportReport(imported, skipped, rejected, rejectedTotal, warnings);
        } catch (SQLException e) {
            throw new StoreException("Import stopped by a database error: " + e.getMessage()
                    + ". Records committed before the error are kept; importing the file again adds the rest.", e);
        }
    }

    private void bind(PreparedStatement ps, AppointmentRecord r, UUID key, OutcomeClassification outcome, Actor actor,
                      OffsetDateTime now) throws SQLException {
        ps.setString(1, key.toString());
        ps.setString(2, r.id());
        ps.setString(3, r.doctorId());
        ps.setString(4, r.patientRef());
        if (r.appointmentDate() == null) ps.setNull(5, Types.DATE);
        else ps.setDate(5, Date.valueOf(r.appointmentDate()));
        ps.setString(6, r.summary());
        ps.setString(7, r.outcome());
        ps.setString(8, outcome == null || outcome.category() == null ? null : outcome.category().code());
        ps.setString(9, outcome == null ? null : outcome.source().code());
        ps.setObject(10, now);
        ps.setString(11, actor.name());
        ps.setObject(12, now);
        ps.setString(13, actor.name());
        ps.setString(14, stamper.siteId());
        ps.setLong(15, stamper.tick());
    }

    private static long flush(PreparedStatement ps, Connection connection) throws SQLException {
        long added = 0;
        for (int count : ps.executeBatch()) {
            // SUCCESS_NO_INFO never occurs for these drivers; treat it as inserted rather than lose the count.
            added += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : count;
        }
        connection.commit();
        return added;
    }

    private static void cancelIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TransferException("Import cancelled. Records committed so far are kept; importing the file again adds the rest.");
        }
    }
}
