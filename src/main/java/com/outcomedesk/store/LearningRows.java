package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What learning reads from the appointments: the labelled ones (with an outcome category) for training, the
 * pending ones (no outcome yet) for batch prediction, and outcome counts for the doctor-rate baseline. The two
 * row streams use a forward-only cursor through {@link Database#streaming}, so neither loads the table whole.
 */
public final class LearningRows {
    private static final String LABELLED = "FROM appointments WHERE deleted = FALSE AND outcome_category IS NOT NULL";
    private static final int LABELLED_FETCH = 5000, PENDING_FETCH = 1000;
    private final Database database;

    public LearningRows(Database database) {
        this.database = database;
    }

    /** One labelled appointment. */
    @FunctionalInterface
    public interface LabelledSink {
        void add(UUID id, String doctorId, String summary, LocalDate date, OutcomeCategory category);
    }

    /** One appointment whose outcome is not known yet. */
    @FunctionalInterface
    public interface PendingSink {
        void add(UUID id, String doctorId, String summary, LocalDate date, String patientRef);
    }

    public long labelledCount() {
        return database.jdbi(h -> h.createQuery("SELECT COUNT(*) " + LABELLED).mapTo(Long.class).one());
    }

    /**
     * Streams the labelled appointments in the order the table is stored: the same order on every pass while the rows
     * do not change, but not the same on two stores of the same rows, so callers that need one put them in id order
     * themselves. Asking the database for id order cost more than the rest of the pass: at a million rows H2 wrote
     * every row to a temporary result to sort it (about 15 s of a 20 s pass).
     */
    public void forEachLabelled(LabelledSink sink) {
        database.streaming(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, doctor_id, summary, appointment_date, outcome_category "
                    + LABELLED, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(LABELLED_FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.add(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), date(rs, 4),
                                OutcomeCategory.fromCode(rs.getString(5)));
                    }
                }
            }
            return null;
        });
    }

    /** Streams the appointments with neither an outcome category nor an outcome text, in id order. */
    public void forEachPending(PendingSink sink) {
        database.streaming(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, doctor_id, summary, appointment_date, patient_ref FROM appointments "
                    + "WHERE deleted = FALSE AND outcome_category IS NULL AND outcome_text IS NULL ORDER BY id")) {
                ps.setFetchSize(PENDING_FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.add(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), date(rs, 4), rs.getString(5));
                }
            }
            return null;
        });
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** A doctor's labelled appointments and how many of them had a worse outcome. */
    public record DoctorOutcomes(String doctorId, long labelled, long worse) {
    }

    public List<DoctorOutcomes> doctorOutcomes() {
        return database.jdbi(h -> h.createQuery("SELECT doctor_id, COUNT(*), SUM(CASE WHEN "
                        + OutcomePredicates.worseCategories() + " THEN 1 ELSE 0 END) " + LABELLED + " GROUP BY doctor_id")
                .map((rs, ctx) -> new DoctorOutcomes(rs.getString(1), rs.getLong(2), rs.getLong(3))).list());
    }

    /** How many labelled appointments fall in each category (absent categories have none). */
    public Map<OutcomeCategory, Long> categoryCounts() {
        Map<OutcomeCategory, Long> counts = new EnumMap<>(OutcomeCategory.class);
        database.jdbi(h -> h.createQuery("SELECT outcome_category, COUNT(*) " + LABELLED + " GROUP BY outcome_category")
                .map((rs, ctx) -> Map.entry(OutcomeCategory.fromCode(rs.getString(1)), rs.getLong(2))).list())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
