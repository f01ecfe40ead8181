package com.outcomedesk.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The saved predictions, newest first, a page at a time (the server's {@code GET /predictions}). */
public final class PredictionHistoryRepository {
    private final Database database;

    public PredictionHistoryRepository(Database database) {
        this.database = database;
    }

    /** One saved prediction; {@code appointmentId} is null for a prediction of an appointment not in the store. */
    public record SavedPrediction(UUID id, UUID appointmentId, String doctorId, String answeredBy, String label,
                                  double probability, String category, String riskTier, Long latencyMicros,
                                  OffsetDateTime createdAt, String createdBy, String siteId) {
    }

    /** Filters, each optional (null); {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String doctorId, String label, OffsetDateTime from, OffsetDateTime to) {
    }

    /** A page: the rows and the number of all that match. */
    public record Page(List<SavedPrediction> rows, long total) {
    }

    public Page page(Filter filter, int offset, int limit) {
        String where = " WHERE (CAST(:doctor AS VARCHAR(100)) IS NULL OR doctor_id = :doctor) AND (CAST(:label AS VARCHAR(8)) IS NULL OR label = :label)"
                + " AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR created_at >= :from)"
                + " AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR created_at < :to)";
        return database.jdbi(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM predictions" + where)
                    .bind("doctor", filter.doctorId()).bind("label", filter.label())
                    .bind("from", filter.from()).bind("to", filter.to()).mapTo(Long.class).one();
            List<SavedPrediction> rows = h.createQuery("SELECT id, appointment_id, doctor_id, answered_by, label, probability, "
                            + "category, risk_tier, latency_micros, created_at, created_by, site_id FROM predictions" + where
                            + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                    .bind("doctor", filter.doctorId()).bind("label", filter.label())
                    .bind("from", filter.from()).bind("to", filter.to())
                    .bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> new SavedPrediction(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9) == null ? null : rs.getLong(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
                            rs.getString(12)))
                    .list();
            return new Page(rows, total);
        });
    }
}
