package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.Prediction;
import com.outcomedesk.store.SettingsRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * Predicts with the cached active model (see {@link ModelRegistry#current()}): the calibrated
 * probability of a worse outcome, its risk tier, the likeliest of the five categories, and the terms
 * that drove the score. An unknown doctor contributes no doctor effect and the result says so.
 */
public final class PredictionService {
    private final Database database;
    private final ModelRegistry registry;
    private final SettingsRepository settings;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    private volatile Predictor predictor;

    public PredictionService(Database database, ModelRegistry registry, SettingsRepository settings, ChangeStamper stamper,
                             AuditTrail audit) {
        this.database = database;
        this.registry = registry;
        this.settings = settings;
        this.stamper = stamper;
        this.audit = audit;
    }

    public RiskTiers riskTiers() {
        return RiskTiers.from(settings);
    }

    /** Stores new default risk cut-offs; administrators only. */
    public void setRiskTiers(RiskTiers tiers, Actor actor) {
        actor.requireAdministrator("change the risk cut-offs");
        settings.put(RiskTiers.SETTING, tiers.format());
        audit.record(actor, "setting-change", "setting", RiskTiers.SETTING, "value=" + tiers.format());
    }

    /** The predictor for the cached active model, rebuilt when activation swaps the model. */
    public Predictor predictor() {
        LoadedModel current = registry.current();
        Predictor p = predictor;
        if (p == null || p.loaded() != current) predictor = p = new Predictor(current);
        return p;
    }

    public PredictionResult predict(PredictionRequest request) {
        return predict(request, riskTiers());
    }

    public PredictionResult predict(PredictionRequest request, RiskTiers tiers) {
        return predictor().predict(request, tiers);
    }

    /** Saves a prediction for the record (counts and latency in 'metrics'); no summary text is stored. */
    public void record(PredictionResult result, String doctorId, UUID appointmentId, Actor actor) {
        Prediction p = entity(result, doctorId, appointmentId, actor);
        database.inTransactionDo(em -> em.persist(p));
        audit.record(actor, "prediction", "prediction", p.getId().toString(),
                "appointment=" + appointmentId + "; answeredBy=" + result.answeredBy());
    }

    /** Predicts every appointment whose outcome is not known yet and saves the predictions; returns how many. */
    public long predictPending(Actor actor, com.outcomedesk.common.ProgressListener progress) {
        RiskTiers tiers = riskTiers();
        long[] done = {0};
        java.util.List<Prediction> chunk = new java.util.ArrayList<>();
        database.streaming(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, doctor_id, summary, appointment_date FROM appointments "
                    + "WHERE deleted = FALSE AND outcome_category IS NULL AND outcome_text IS NULL ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date date = rs.getDate(4);
                        PredictionResult r = predict(new PredictionRequest(rs.getString(2), rs.getString(3),
                                date == null ? null : date.toLocalDate()), tiers);
                        chunk.add(entity(r, rs.getString(2), rs.getObject(1, UUID.class), actor));
                        if (chunk.size() == 1000) save(chunk);
                        if (++done[0] % 1000 == 0) {
                            progress.progress("predicting", done[0], -1);
                            // Cancel interrupts the thread; the predictions saved so far are kept.
                            if (Thread.currentThread().isInterrupted()) {
                                throw new java.util.concurrent.CancellationException("Prediction cancelled after "
                                        + done[0] + " appointments; their predictions are saved.");
                            }
                        }
                    }
                }
            }
            return null;
        });
        save(chunk);
        audit.record(actor, "prediction-batch", "appointments", null, "predictions=" + done[0]);
        return done[0];
    }

    private void save(java.util.List<Prediction> chunk) {
        if (chunk.isEmpty()) return;
        database.inTransactionDo(em -> chunk.forEach(em::persist));
        chunk.clear();
    }

    private Prediction entity(PredictionResult result, String doctorId, UUID appointmentId, Actor actor) {
        UUID modelId = result.modelVersion() == null ? null : registry.find(result.modelVersion()).map(ModelVersionInfo::id).orElse(null);
        return new Prediction(UUID.randomUUID(), appointmentId, doctorId, modelId, result.answeredBy(),
                OutcomeLabel.fromCode(result.label()), result.probability(), OutcomeCategory.fromCode(result.category()),
                Prediction.RiskTier.valueOf(result.riskTier()), result.latencyMicros(), stamper.now(), actor.name(), stamper.siteId());
    }

    /** The latest prediction saved for an appointment, as its row in a list shows it. */
    public record Saved(UUID appointmentId, String label, double probability, String riskTier, String category,
                        java.time.OffsetDateTime savedAt) {
    }

    /** The latest saved prediction of each of these appointments that has one (one read, on the appointment index). */
    public java.util.Map<UUID, Saved> latestFor(java.util.Collection<UUID> appointmentIds) {
        java.util.Map<UUID, Saved> latest = new java.util.HashMap<>();
        if (appointmentIds.isEmpty()) return latest;
        database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT appointment_id, label, probability, risk_tier, category, "
                    + "created_at FROM predictions WHERE appointment_id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("UUID", appointmentIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Saved s = new Saved(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class));
                        latest.merge(s.appointmentId(), s, (a, b) -> a.savedAt().isAfter(b.savedAt()) ? a : b);
                    }
                }
            }
            return null;
        });
        return latest;
    }

    /** How many predictions were saved, and their latency. */
    public record PredictionStats(long count, Double meanLatencyMicros, Long maxLatencyMicros) {
    }

    public PredictionStats stats() {
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), AVG(CAST(latency_micros AS DOUBLE PRECISION)), MAX(latency_micros) FROM predictions");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                return new PredictionStats(count, count == 0 ? null : rs.getDouble(2), count == 0 ? null : rs.getLong(3));
            }
        });
    }
}
