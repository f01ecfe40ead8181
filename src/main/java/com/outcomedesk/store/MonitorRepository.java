package com.outcomedesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The monitor's reads: every saved prediction joined to the outcome recorded later for its appointment, streamed
 * (never loaded whole), and the figures drift is measured against (the labelled data a model was trained on).
 */
public final class MonitorRepository {
    private static final String SCORED = """
            SELECT COALESCE(a.appointment_date, CAST(p.created_at AS DATE)), p.site_id, p.doctor_id, v.version_number,
                p.probability, p.risk_tier, c.label, p.answered_by
            FROM predictions p
            LEFT JOIN appointments a ON a.id = p.appointment_id AND a.deleted = FALSE
            LEFT JOIN outcome_categories c ON c.code = a.outcome_category
            LEFT JOIN model_versions v ON v.id = p.model_version_id""";
    private static final int FETCH = 10_000;

    private final Database database;

    public MonitorRepository(Database database) {
        this.database = database;
    }

    /**
     * One saved prediction with what is known now: the date it is about (the appointment's date, else the day it was
     * saved), who answered, and {@code worse} true/false once the appointment's outcome is recorded, null before.
     */
    public record Scored(LocalDate date, String siteId, String doctorId, Integer modelVersion, double probability,
                         String riskTier, Boolean worse, String answeredBy) {
    }

    /** Streams every saved prediction with its outcome, in no particular order. */
    public void forEachScored(Consumer<Scored> sink) {
        database.streaming(c -> {
            try (PreparedStatement s = c.prepareStatement(SCORED)) {
                s.setFetchSize(FETCH);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String label = rs.getString(7);
                        int version = rs.getInt(4);
                        sink.accept(new Scored(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                                rs.wasNull() ? null : version, rs.getDouble(5), rs.getString(6),
                                label == null ? null : label.equals("worse"), rs.getString(8)));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Labelled appointments per doctor as they stood at {@code trainedAt}: the doctor mix a model was trained on. A row
     * changed since (an outcome that arrived later, an edit) is left out: it may not have been labelled then.
     */
    public Map<String, Long> labelledDoctorMix(OffsetDateTime trainedAt) {
        Map<String, Long> mix = new LinkedHashMap<>();
        database.jdbi(h -> h.createQuery("SELECT doctor_id, COUNT(*) FROM appointments WHERE deleted = FALSE "
                        + "AND outcome_category IS NOT NULL AND updated_at <= :at GROUP BY doctor_id ORDER BY doctor_id")
                .bind("at", trainedAt).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .forEach(e -> mix.put(e.getKey(), e.getValue()));
        return mix;
    }

    /** Up to {@code limit} summaries of labelled appointments as they stood at {@code trainedAt}, the newest first. */
    public List<String> labelledSummaries(OffsetDateTime trainedAt, int limit) {
        return database.jdbi(h -> h.createQuery("SELECT summary FROM appointments WHERE deleted = FALSE "
                        + "AND outcome_category IS NOT NULL AND updated_at <= :at ORDER BY updated_at DESC")
                .bind("at", trainedAt).setMaxRows(limit).mapTo(String.class).list());
    }

    /** Up to {@code limit} summaries of predicted appointments dated from {@code from} to before {@code to}. */
    public List<String> predictedSummaries(LocalDate from, LocalDate to, int limit) {
        return database.jdbi(h -> h.createQuery("SELECT a.summary FROM predictions p JOIN appointments a "
                        + "ON a.id = p.appointment_id AND a.deleted = FALSE "
                        + "WHERE a.appointment_date >= :from AND a.appointment_date < :to")
                .bind("from", from).bind("to", to).setMaxRows(limit).mapTo(String.class).list());
    }

    /** When an outcome of a predicted appointment was last recorded (its row's last change); empty when none is. */
    public Optional<OffsetDateTime> lastOutcomeRecorded() {
        return database.jdbi(h -> h.createQuery("SELECT MAX(a.updated_at) FROM appointments a WHERE a.deleted = FALSE "
                        + "AND a.outcome_category IS NOT NULL AND EXISTS (SELECT 1 FROM predictions p WHERE p.appointment_id = a.id)")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class)).findOne());
    }

    /** When the first and the newest predictions were saved. */
    public record Span(OffsetDateTime first, OffsetDateTime last) {
    }

    /** Empty when no prediction is saved. */
    public Optional<Span> predictionSpan() {
        return database.jdbi(h -> h.createQuery("SELECT MIN(created_at), MAX(created_at) FROM predictions")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class) == null ? null
                        : new Span(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .findOne());
    }
}
