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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            INSERT INTO appointments (id, external_id, doctor_id, patient_ref, appointment_date, summary,
                outcome_text, outcome_category, outcome_source, created_at, created_by, updated_at, updated_by,
                site_id, row_version, hlc, deleted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE)""";
    private static final String EXISTING_KEYS = "SELECT id FROM appointments WHERE id = ANY(?)";
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
                Batch batch = new Batch();
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
                    if (knownDoctors.add(record.doctorId())) {
                        doctors.setString(1, record.doctorId());
                        doctors.setObject(2, now);
                        doctors.executeUpdate();
                    }
                    batch.add(record);
                    if (batch.size() == BATCH) {
                        long added = batch.flush(connection, appointments, classifier, actor, now);
                        imported += added;
                        skipped += BATCH - added;
                        progress.progress("Importing", done, total);
                        cancelIfInterrupted();
                    }
                }
                int pending = batch.size();
                long added = batch.flush(connection, appointments, classifier, actor, now);
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

    /**
     * One batch of records. Keys already stored (or repeated within the file) are looked up in one query
     * and skipped, so re-importing adds nothing and never overwrites a local edit; the rest are inserted
     * with a JDBC batch and committed together.
     */
    private final class Batch {
        private final Map<UUID, AppointmentRecord> records = new LinkedHashMap<>();
        private int size;

        void add(AppointmentRecord record) {
            size++;
            records.putIfAbsent(record.key(), record);
        }

        int size() {
            return size;
        }

        long flush(Connection connection, PreparedStatement insert, OutcomeClassifier classifier, Actor actor,
                   OffsetDateTime now) throws SQLException {
            if (records.isEmpty()) return 0;
            try (PreparedStatement existing = connection.prepareStatement(EXISTING_KEYS)) {
                existing.setArray(1, connection.createArrayOf("UUID", records.keySet().toArray()));
                try (ResultSet rs = existing.executeQuery()) {
                    while (rs.next()) records.remove(rs.getObject(1, UUID.class));
                }
            }
            for (Map.Entry<UUID, AppointmentRecord> e : records.entrySet()) {
                bind(insert, e.getValue(), e.getKey(), classifier.classify(e.getValue().outcome()), actor, now);
                insert.addBatch();
            }
            long added = records.size();
            if (added > 0) insert.executeBatch();
            connection.commit();
            records.clear();
            size = 0;
            return added;
        }
    }

    private void bind(PreparedStatement ps, AppointmentRecord r, UUID key, OutcomeClassification outcome, Actor actor,
                      OffsetDateTime now) throws SQLException {
        ps.setObject(1, key);
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

    private static void cancelIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TransferException("Import cancelled. Records committed so far are kept; importing the file again adds the rest.");
        }
    }
}
