package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Writes imported appointments in JDBC batches over a connection the importer holds (and commits). Hibernate is
 * bypassed on purpose: managing a million entities in a persistence context is many times slower and needs memory
 * proportional to the file. Every row is stamped with the same time and user, this site, and a clock tick of its own.
 * Should the database refuse a row of a batch, the batch is rolled back to a savepoint and retried row by row, so only
 * that row is lost; a lost connection (SQLState class 08) stops the import instead.
 */
public final class AppointmentBulkWriter implements AutoCloseable {
    private static final String INSERT_APPOINTMENT = """
            INSERT INTO appointments (id, external_id, doctor_id, patient_ref, appointment_date, summary,
                outcome_text, outcome_category, outcome_source, created_at, created_by, updated_at, updated_by,
                site_id, row_version, hlc, deleted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, FALSE)""";
    private static final String STORED = """
            SELECT id, external_id, doctor_id, summary, outcome_text, patient_ref, appointment_date, deleted,
                outcome_category
            FROM appointments WHERE id = ANY(?)""";
    // The outcome conditions are repeated so a row given an outcome (or deleted) since it was read is left alone.
    private static final String FILL_OUTCOME = """
            UPDATE appointments SET outcome_text = ?, outcome_category = ?, outcome_source = ?, updated_at = ?,
                updated_by = ?, site_id = ?, row_version = row_version + 1, hlc = ?
            WHERE id = ? AND outcome_text IS NULL AND outcome_category IS NULL AND deleted = FALSE""";
    private static final String INSERT_DOCTOR = """
            MERGE INTO doctors t USING (VALUES (CAST(? AS VARCHAR(100)))) AS s(doctor_id) ON t.doctor_id = s.doctor_id
            WHEN NOT MATCHED THEN INSERT (doctor_id, created_at) VALUES (s.doctor_id, ?)""";

    private final Connection connection;
    private final ChangeStamper stamper;
    private final String user;
    private final OffsetDateTime now;
    private final PreparedStatement insert;
    private final PreparedStatement doctors;
    private final Set<String> knownDoctors = new HashSet<>();

    /** One appointment to insert: its key, the file's fields, and its classified outcome (null when none). */
    public record NewAppointment(UUID key, String externalId, String doctorId, String patientRef, LocalDate date,
                                 String summary, String outcomeText, OutcomeCategory category, OutcomeSource source) {
    }

    /** A stored row's content and whether it is deleted or already has an outcome category. */
    public record StoredRow(AppointmentRepository.Content content, boolean deleted, boolean categorised) {
        /** True when an outcome arriving later may be filled in: the row is live and has no outcome at all. */
        public boolean outcomeUnknown() {
            return !deleted && !categorised && content.outcomeText() == null;
        }
    }

    /** An outcome to fill in on a stored appointment whose outcome is unknown. */
    public record OutcomeFill(UUID key, String outcomeText, OutcomeCategory category, OutcomeSource source) {
    }

    public AppointmentBulkWriter(Connection connection, ChangeStamper stamper, String user) throws SQLException {
        this.connection = connection;
        this.stamper = stamper;
        this.user = user;
        this.now = stamper.now();
        this.insert = connection.prepareStatement(INSERT_APPOINTMENT);
        this.doctors = connection.prepareStatement(INSERT_DOCTOR);
    }

    /** The stored content of those of the keys already stored (deleted rows too), in one query. */
    public List<StoredRow> stored(Collection<UUID> keys) throws SQLException {
        List<StoredRow> found = new ArrayList<>();
        try (PreparedStatement stored = connection.prepareStatement(STORED)) {
            stored.setArray(1, connection.createArrayOf("UUID", keys.toArray()));
            try (ResultSet rs = stored.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredRow(new AppointmentRepository.Content(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getObject(7, LocalDate.class)), rs.getBoolean(8), rs.getString(9) != null));
                }
            }
        }
        return found;
    }

    /**
     * Inserts the items (each made a row by {@code row}), adding their doctors first, in one batch; when the database
     * refuses it, row by row, handing each refused item to {@code refused} with its SQLState. Returns how many rows
     * were inserted. Nothing is committed here.
     */
    public <T> long insert(Collection<T> items, Function<T, NewAppointment> row, BiConsumer<T, String> refused)
            throws SQLException {
        for (T item : items) {
            NewAppointment a = row.apply(item);
            registerDoctor(a.doctorId());
            bind(a);
            insert.addBatch();
        }
        Savepoint before = connection.setSavepoint();
        try {
            insert.executeBatch();
            return items.size();
        } catch (SQLException batchRefused) {
            if (connectionLost(batchRefused)) throw batchRefused;
            insert.clearBatch();
            connection.rollback(before);
            return insertOneByOne(items, row, refused);
        }
    }

    /**
     * Fills in the outcomes of stored appointments that have none, in one batch, stamped as a local change (so sync
     * sends it). A row that gained an outcome or was deleted meanwhile is not touched. Returns the keys filled in.
     * Nothing is committed here.
     */
    public List<UUID> fillOutcomes(Collection<OutcomeFill> fills) throws SQLException {
        List<UUID> filled = new ArrayList<>();
        if (fills.isEmpty()) return filled;
        try (PreparedStatement update = connection.prepareStatement(FILL_OUTCOME)) {
            for (OutcomeFill f : fills) {
                update.setString(1, f.outcomeText());
                update.setString(2, f.category() == null ? null : f.category().code());
                update.setString(3, f.source() == null ? null : f.source().code());
                update.setObject(4, now);
                update.setString(5, user);
                update.setString(6, stamper.siteId());
                update.setLong(7, stamper.tick());
                update.setObject(8, f.key());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            int i = 0;
            for (OutcomeFill f : fills) {
                // SUCCESS_NO_INFO (-2) means the driver did not count; the WHERE clause still guarded the row.
                if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) filled.add(f.key());
                i++;
            }
        }
        return filled;
    }

    private <T> long insertOneByOne(Collection<T> items, Function<T, NewAppointment> row, BiConsumer<T, String> refused)
            throws SQLException {
        long added = 0;
        for (T item : items) {
            Savepoint one = connection.setSavepoint();
            try {
                bind(row.apply(item));
                insert.executeUpdate();
                connection.releaseSavepoint(one);
                added++;
            } catch (SQLException rowRefused) {
                if (connectionLost(rowRefused)) throw rowRefused;
                connection.rollback(one);
                refused.accept(item, rowRefused.getSQLState());
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

    private void bind(NewAppointment a) throws SQLException {
        insert.setObject(1, a.key());
        insert.setString(2, a.externalId());
        insert.setString(3, a.doctorId());
        insert.setString(4, a.patientRef());
        if (a.date() == null) insert.setNull(5, Types.DATE);
        else insert.setObject(5, a.date());
        insert.setString(6, a.summary());
        insert.setString(7, a.outcomeText());
        insert.setString(8, a.category() == null ? null : a.category().code());
        insert.setString(9, a.source() == null ? null : a.source().code());
        insert.setObject(10, now);
        insert.setString(11, user);
        insert.setObject(12, now);
        insert.setString(13, user);
        insert.setString(14, stamper.siteId());
        insert.setLong(15, stamper.tick());
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        doctors.close();
    }
}
