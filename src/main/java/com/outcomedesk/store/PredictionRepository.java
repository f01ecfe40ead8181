package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Saved predictions: append-only, so they merge across sites without conflicts. */
public final class PredictionRepository {
    private final Database database;

    public PredictionRepository(Database database) {
        this.database = database;
    }

    /** How risky a prediction was called, as the column stores it. */
    public enum RiskTier { low, medium, high }

    /** A prediction to save. */
    public record NewPrediction(UUID id, UUID appointmentId, String doctorId, UUID modelVersionId, String answeredBy,
                                OutcomeLabel label, double probability, OutcomeCategory category, RiskTier riskTier,
                                Long latencyMicros, OffsetDateTime createdAt, String createdBy, String siteId) {
    }

    /** A saved prediction of an appointment, as its row in a list shows it. */
    public record Saved(UUID appointmentId, String label, double probability, String riskTier, String category,
                        OffsetDateTime savedAt) {
    }

    /** How many predictions were saved, and their latency (null while there are none). */
    public record Stats(long count, Double meanLatencyMicros, Long maxLatencyMicros) {
    }

    /** Saves predictions in one transaction. */
    public void saveAll(List<NewPrediction> predictions) {
        if (predictions.isEmpty()) return;
        database.jdbcTransaction(c -> {
            insert(c, predictions);
            return null;
        });
    }

    /** Inserts predictions in one JDBC batch inside the caller's transaction, which the caller commits. */
    public static void insert(Connection c, List<NewPrediction> predictions) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO predictions (id, appointment_id, doctor_id, "
                + "model_version_id, answered_by, label, probability, category, risk_tier, latency_micros, created_at, "
                + "created_by, site_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewPrediction p : predictions) {
                insert.setObject(1, p.id());
                insert.setObject(2, p.appointmentId());
                insert.setString(3, p.doctorId());
                insert.setObject(4, p.modelVersionId());
                insert.setString(5, p.answeredBy());
                insert.setString(6, p.label().code());
                insert.setDouble(7, p.probability());
                insert.setString(8, p.category() == null ? null : p.category().code());
                insert.setString(9, p.riskTier() == null ? null : p.riskTier().name());
                if (p.latencyMicros() == null) insert.setNull(10, Types.BIGINT);
                else insert.setLong(10, p.latencyMicros());
                insert.setObject(11, p.createdAt());
                insert.setString(12, p.createdBy());
                insert.setString(13, p.siteId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The latest saved prediction of each of these appointments that has one (one read, on the appointment index). */
    public Map<UUID, Saved> latestFor(Collection<UUID> appointmentIds) {
        Map<UUID, Saved> latest = new HashMap<>();
        if (appointmentIds.isEmpty()) return latest;
        database.jdbi(h -> h.createQuery("SELECT appointment_id, label, probability, risk_tier, category, created_at "
                        + "FROM predictions WHERE appointment_id = ANY(:ids)")
                .bindArray("ids", UUID.class, appointmentIds)
                .map((rs, ctx) -> new Saved(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list())
                .forEach(s -> latest.merge(s.appointmentId(), s, (a, b) -> a.savedAt().isAfter(b.savedAt()) ? a : b));
        return latest;
    }

    public Stats stats() {
        return database.jdbi(h -> h.createQuery("SELECT COUNT(*), AVG(CAST(latency_micros AS DOUBLE PRECISION)), "
                + "MAX(latency_micros) FROM predictions").map((rs, ctx) -> {
                    long count = rs.getLong(1);
                    return new Stats(count, count == 0 ? null : rs.getDouble(2), count == 0 ? null : rs.getLong(3));
                }).one());
    }
}
