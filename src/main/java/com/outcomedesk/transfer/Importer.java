package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.appointments.OutcomeMappingService;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.outcome.OutcomeClassification;
import com.outcomedesk.outcome.OutcomeClassifier;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.AppointmentBulkWriter;
import com.outcomedesk.store.SetAsideIndexes;
import com.outcomedesk.store.AppointmentRepository;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Imports appointment files. A first streaming pass checks the whole file is well formed, so a broken
 * file is refused before anything is written; a second pass inserts in JDBC batches
 * ({@link AppointmentBulkWriter}), each committed with its audit entry.
 *
 * <p>The audit trail gets an entry when an import starts, one per batch committed in that batch's own transaction
 * (so an import killed mid-way leaves entries for exactly the rows it stored), and one when it ends. Database
 * errors are reported by record positions and SQLState only: a driver's message may quote the statement's values.
 */
public final class Importer {
    private static final int BATCH = 2_000;

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
                    + "; skipped=" + report.skipped() + "; outcomesAdded=" + report.outcomesAdded() + "; conflicting=" + report.conflictingTotal()
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
            SetAsideIndexes aside = SetAsideIndexes.pays(connection, "appointments", total)
                    ? SetAsideIndexes.of(connection, "appointments") : null;
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
                    if (aside != null) {
                        progress.progress("Building the indexes", done, total);
                        aside.restore();
                    }
                } catch (SQLException e) {
                    rollback(connection);
                    throw new StoreException("Import stopped by a database error in " + batch.range() + sqlState(e)
                            + ". Records before those are stored; importing the file again adds the rest.");
                } catch (RuntimeException e) {
                    rollback(connection);
                    throw e;
                }
            } finally {
                // After a failure or Cancel the rows committed so far stay, indexed as before (a killed run: at the next opening).
                if (aside != null) aside.restore();
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
     * with the batch's audit entry. Should the database still refuse a row, only that row is rejected.
     *
     * <p>An outcome arriving later is the one exception to "stored records are kept": when the stored row is live, has
     * no outcome at all, and the record differs from it only by carrying an outcome, that outcome is filled in. A known
     * outcome is never replaced, and a row edited here (any other field differs) stays a conflict, untouched.
     */
    private final class Batch implements AutoCloseable {
        private final Connection connection;
        private final ImportTally tally;
        private final Actor actor;
        private final String run;
        private final OutcomeClassifier classifier = outcomes.classifier();
        private final AppointmentBulkWriter writer;
        private final Map<UUID, ParsedRecord> records = new LinkedHashMap<>();
        private final List<AppointmentBulkWriter.OutcomeFill> fills = new ArrayList<>();
        private int size;
        private long first;
        private long last;

        Batch(Connection connection, ImportTally tally, Actor actor, String run) throws SQLException {
            this.connection = connection;
            this.tally = tally;
            this.actor = actor;
            this.run = run;
            this.writer = new AppointmentBulkWriter(connection, stamper, actor.name());
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
            long added = records.isEmpty() ? 0 : writer.insert(records.values(), this::row, (p, sqlState) ->
                    tally.reject(p.position(), "the database refused it (SQLState " + sqlState + ")"));
            tally.imported(added);
            long filled = writer.fillOutcomes(fills).size();
            tally.outcomesAdded(filled);
            // A record whose row gained an outcome since it was read is left as stored, like any other duplicate.
            tally.skippedLate(fills.size() - filled);
            audit.recordAndCommit(connection, actor, "import-batch", "appointments", run,
                    "records=" + first + "-" + last + "; imported=" + added + "; outcomesAdded=" + filled);
            records.clear();
            fills.clear();
            size = 0;
        }

        private void leaveOutStored() throws SQLException {
            for (AppointmentBulkWriter.StoredRow row : writer.stored(records.keySet())) {
                AppointmentRepository.Content stored = row.content();
                ParsedRecord mine = records.remove(stored.id());
                AppointmentRecord theirs = new AppointmentRecord(stored.externalId(), stored.doctorId(), stored.summary(),
                        stored.outcomeText(), stored.patientRef(), stored.appointmentDate());
                List<String> differing = theirs.fieldsDifferingFrom(mine.record());
                if (row.outcomeUnknown() && differing.equals(List.of(Field.OUTCOME.canonical()))) {
                    fills.add(outcomeFill(mine.record()));
                } else {
                    tally.duplicate(mine.position(), differing);
                }
            }
        }

        private AppointmentBulkWriter.OutcomeFill outcomeFill(AppointmentRecord r) {
            OutcomeClassification outcome = classifier.classify(r.outcome());
            return new AppointmentBulkWriter.OutcomeFill(r.key(), r.outcome(), outcome == null ? null : outcome.category(),
                    outcome == null ? null : outcome.source());
        }

        private AppointmentBulkWriter.NewAppointment row(ParsedRecord p) {
            AppointmentRecord r = p.record();
            OutcomeClassification outcome = classifier.classify(r.outcome());
            return new AppointmentBulkWriter.NewAppointment(r.key(), r.id(), r.doctorId(), r.patientRef(),
                    r.appointmentDate(), r.summary(), r.outcome(), outcome == null ? null : outcome.category(),
                    outcome == null ? null : outcome.source());
        }

        @Override
        public void close() throws SQLException {
            writer.close();
        }
    }

    private static void cancelIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new TransferException("Import cancelled. Records committed so far are kept; importing the file again adds the rest.");
        }
    }
}
