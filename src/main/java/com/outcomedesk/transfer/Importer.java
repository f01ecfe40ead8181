package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.appointments.OutcomeMappingService;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.outcome.OutcomeClassification;
import com.outcomedesk.outcome.OutcomeClassifier;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports appointment files. A first streaming pass checks the whole file is well formed, so a broken
 * file is refused before anything is written; a second pass inserts in JDBC batches. Hibernate is
 * bypassed here on purpose: managing a million entities in a persistence context is many times slower
 * and needs memory proportional to the file.
 *
 * <p>The audit trail gets an entry when an import starts, one per batch committed in that batch's own transaction
 * (so an import killed mid-way leaves entries for exactly the rows it stored), and one when it ends. Database
 * errors are reported by record positions and SQLState only: a driver's message may quote the statement's values.
 */
public final class Importer {
    private static final int BATCH = 2_000;

    private static final String INSERT_APPOINTMENT = """
            INSERT INTO appointments (id, external_id, doctor_id, patient_ref, appointment_date, summary,
                outcome_text, outcome_category, outcome_source, created_at, created_by, updated_at, updated_by,
                site_id, row_version, hlc, deleted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE)""";
    private static final String STORED = """
            SELECT id, external_id, doctor_id, summary, outcome_text, patient_ref, appointment_date
            FROM appointments WHERE id = ANY(?)""";
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
        try {
            FileFormat format = FileFormat.detect(file);
            long total = check(file, format, progress);
            String run = UUID.randomUUID().toString();
            String source = "file=" + file.getFileName() + "; format=" + format.name().toLowerCase(Locale.ROOT);
            audit.record(actor, "import-start", "appointments", run, source + "; records=" + total);
            ImportReport report = insert(file, format, total, actor, run, progress);
            audit.record(actor, "import", "appointments", run, source + "; imported=" + report.imported()
                    + "; skipped=" + report.skipped() + "; conflicting=" + report.conflictingTotal()
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

    private ImportReport insert(Path file, FileFormat format, long total, Actor actor, String run,
                                ProgressListener progress) throws IOException {
        ImportTally tally = new ImportTally();
        try (RecordReader reader = RecordReader.open(file, format);
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Batch batch = new Batch(connection, tally, actor, run)) {
                try {
                    long done = 0;
                    ParsedRecord parsed;
                    while ((parsed = reader.next()) != null) {
                        done++;
                        if (parsed.idTrimmed()) tally.idTrimmed(parsed.position());
                        if (parsed.rejected()) {
                            tally.reject(parsed.position(), parsed.rejection());
                            continue;
                        }
                        batch.add(parsed);
                        if (batch.size() == BATCH) {
                            batch.flush();
                            progress.progress("Importing", done, total);
                            cancelIfInterrupted();
                        }
                    }
                    batch.flush();
                    progress.progress("Importing", done, total);
                } catch (SQLException e) {
                    rollback(connection);
                    throw new StoreException("Import stopped by a database error in " + batch.range() + sqlState(e)
                            + ". Records before those are stored; importing the file again adds the rest.");
                } catch (RuntimeException e) {
                    rollback(connection);
                    throw e;
                }
            }
            return tally.report(reader.unknownKeys());
        } catch (SQLException e) {
            throw new StoreException("Import stopped by a database error" + sqlState(e)
                    + ". Records committed before the error are kept; importing the file again adds the rest.");
        }
    }

    /** The driver's message is left out on purpose: PostgreSQL's quotes the statement with its values. */
    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException lost) {
            // The connection is gone; the server rolls the open transaction back by itself.
        }
    }

    /**
     * One batch of records. Keys already stored (or repeated within the file) are looked up in one query and
     * not written, so re-importing adds nothing and never overwrites a local edit; their content is compared
     * to tell identical re-imports from conflicts. The rest are inserted with a JDBC batch and committed together
     * with the batch's audit entry. Should the database still refuse a row, the batch is retried row by row and
     * only that row is rejected.
     */
    private final class Batch implements AutoCloseable {
        private final Connection connection;
        private final ImportTally tally;
        private final Actor actor;
        private final String run;
        private final OutcomeClassifier classifier = outcomes.classifier();
        private final OffsetDateTime now = stamper.now();
        private final PreparedStatement insert;
        private final PreparedStatement doctors;
        private final Set<String> knownDoctors = new HashSet<>();
        private final Map<UUID, ParsedRecord> records = new LinkedHashMap<>();
        private int size;
        private long first;
        private long last;

        Batch(Connection connection, ImportTally tally, Actor actor, String run) throws SQLException {
            this.connection = connection;
            this.tally = tally;
            this.actor = actor;
            this.run = run;
            this.insert = connection.prepareStatement(INSERT_APPOINTMENT);
            this.doctors = connection.prepareStatement(INSERT_DOCTOR);
        }

        void add(ParsedRecord parsed) {
            if (size++ == 0) first = parsed.position();
            last = parsed.position();
            ParsedRecord earlier = records.putIfAbsent(parsed.record().key(), parsed);
            if (earlier != null) tally.duplicate(parsed.position(), earlier.record().fieldsDifferingFrom(parsed.record()));
        }

        int size() {
            return size;
        }

        String range() {
            return size == 0 ? "the first records" : "records " + first + " to " + last;
        }

        void flush() throws SQLException {
            if (size == 0) return;
            leaveOutStored();
            long added = records.isEmpty() ? 0 : store();
            tally.imported(added);
            audit.recordAndCommit(connection, actor, "import-batch", "appointments", run,
                    "records=" + first + "-" + last + "; imported=" + added);
            records.clear();
            size = 0;
        }

        private void leaveOutStored() throws SQLException {
            try (PreparedStatement stored = connection.prepareStatement(STORED)) {
                stored.setArray(1, connection.createArrayOf("UUID", records.keySet().toArray()));
                try (ResultSet rs = stored.executeQuery()) {
                    while (rs.next()) {
                        ParsedRecord mine = records.remove(rs.getObject(1, UUID.class));
                        AppointmentRecord theirs = new AppointmentRecord(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class));
                        tally.duplicate(mine.position(), theirs.fieldsDifferingFrom(mine.record()));
                    }
                }
            }
        }

        private long store() throws SQLException {
            for (ParsedRecord p : records.values()) {
                registerDoctor(p.record().doctorId());
                bind(p.record());
                insert.addBatch();
            }
            Savepoint before = connection.setSavepoint();
            try {
                insert.executeBatch();
                return records.size();
            } catch (SQLException refused) {
                if (connectionLost(refused)) throw refused;
                insert.clearBatch();
                connection.rollback(before);
                return storeOneByOne();
            }
        }

        private long storeOneByOne() throws SQLException {
            long added = 0;
            for (ParsedRecord p : records.values()) {
                Savepoint row = connection.setSavepoint();
                try {
                    bind(p.record());
                    insert.executeUpdate();
                    connection.releaseSavepoint(row);
                    added++;
                } catch (SQLException refused) {
                    if (connectionLost(refused)) throw refused;
                    connection.rollback(row);
                    tally.reject(p.position(), "the database refused it (SQLState " + refused.getSQLState() + ")");
                }
            }
            return added;
        }

        private static boolean connectionLost(SQLException e) {
            return e.getSQLState() != null && e.getSQLState().startsWith("08");
        }

        private void registerDoctor(String doctorId) throws SQLException {
            if (!knownDoctors.add(doctorId)) return;
            doctors.setString(1, doctorId);
            doctors.setObject(2, now);
            doctors.executeUpdate();
        }

        private void bind(AppointmentRecord r) throws SQLException {
            OutcomeClassification outcome = classifier.classify(r.outcome());
            insert.setObject(1, r.key());
            insert.setString(2, r.id());
            insert.setString(3, r.doctorId());
            insert.setString(4, r.patientRef());
            if (r.appointmentDate() == null) insert.setNull(5, Types.DATE);
            else insert.setObject(5, r.appointmentDate());
            insert.setString(6, r.summary());
            insert.setString(7, r.outcome());
            insert.setString(8, outcome == null || outcome.category() == null ? null : outcome.category().code());
            insert.setString(9, outcome == null ? null : outcome.source().code());
            insert.setObject(10, now);
            insert.setString(11, actor.name());
            insert.setObject(12, now);
            insert.setString(13, actor.name());
            insert.setString(14, stamper.siteId());
            insert.setLong(15, stamper.tick());
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            doctors.close();
        }
    }

    private static void cancelIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TransferException("Import cancelled. Records committed so far are kept; importing the file again adds the rest.");
        }
    }
}
