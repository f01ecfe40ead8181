package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.security.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.Prediction;
import com.outcomedesk.store.SettingsRepository;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Predicts with the cached active model (see {@link ModelRegistry#current()}): the calibrated
 * probability of a worse outcome, its risk tier, the likeliest of the five categories, and the terms
 * that drove the score. An unknown doctor contributes no doctor effect and the result says so.
 */
public final class PredictionService {
    static final int EXPLANATION_TERMS = 8;

    private final Database database;
    private final ModelRegistry registry;
    private final SettingsRepository settings;
    private final ChangeStamper stamper;
    private volatile Featurizer featurizer;

    public PredictionService(Database database, ModelRegistry registry, SettingsRepository settings, ChangeStamper stamper) {
        this.database = database;
        this.registry = registry;
        this.settings = settings;
        this.stamper = stamper;
    }

    public RiskTiers riskTiers() {
        return RiskTiers.from(settings);
    }

    /** Stores new default risk cut-offs; administrators only. */
    public void setRiskTiers(RiskTiers tiers, Actor actor) {
        actor.requireAdministrator("change the risk cut-offs");
        settings.put(RiskTiers.SETTING, tiers.format());
    }

    private Featurizer featurizer(int bits) {
        Featurizer f = featurizer;
        if (f == null || f.bits() != bits) {
            featurizer = f = new Featurizer(bits, ClinicalEntityExtractor.defaults());
            f.featurize(null, "warm up", null, false, (group, index, name) -> { });
        }
        return f;
    }

    public PredictionResult predict(PredictionRequest request) {
        return predict(request, riskTiers());
    }

    public PredictionResult predict(PredictionRequest request, RiskTiers tiers) {
        LoadedModel loaded = registry.current();
        TrainedModel model = loaded.model();
        Featurizer f = featurizer(model.hashBits());
        // Latency covers the prediction itself, not the one-off loading of the model and dictionaries.
        long start = System.nanoTime();
        boolean known = model.knownDoctors().contains(request.doctorId());
        Explainer explainer = new Explainer(f, request.doctorId(), known, request.summary(), request.date());
        double p = model.calibration().apply(model.binary().probability(explainer.row, 0));
        double[] categories = categoryProbabilities(model, explainer.row, p);
        int best = 0;
        for (int c = 1; c < categories.length; c++) if (categories[c] > categories[best]) best = c;
        Map<String, Double> byName = new LinkedHashMap<>();
        for (OutcomeCategory c : OutcomeCategory.values()) byName.put(c.code(), categories[c.ordinal()]);
        List<Contribution> explanation = model.binary().explain(explainer, EXPLANATION_TERMS);
        long micros = (System.nanoTime() - start) / 1_000;
        return new PredictionResult(p >= 0.5 ? OutcomeLabel.WORSE.code() : OutcomeLabel.BETTER.code(), p,
                OutcomeCategory.values()[best].code(), byName, tiers.tier(p), loaded.version(), loaded.answeredBy(),
                loaded.fallbackReason(), known, known ? null
                : "doctor " + request.doctorId() + " is unknown to the model: no doctor effect was applied",
                explanation, micros);
    }

    /** The calibrated probability of worse only: the fast path for batch scoring and the benchmark. */
    public double probability(PredictionRequest request) {
        TrainedModel model = registry.current().model();
        String doctor = model.knownDoctors().contains(request.doctorId()) ? request.doctorId() : null;
        Dataset row = Dataset.single(featurizer(model.hashBits()), doctor, request.summary(), request.date());
        return model.calibration().apply(model.binary().probability(row, 0));
    }

    static double[] categoryProbabilities(TrainedModel model, Dataset row, double pWorse) {
        if (model.categories() != null) return model.categories().probabilities(row, 0);
        // Baseline fallback: split the probability of worse (and of better) by the stored category shares.
        double[] shares = model.categoryShares();
        double worseTotal = 0, betterTotal = 0;
        for (OutcomeCategory c : OutcomeCategory.values()) {
            if (c.label() == OutcomeLabel.WORSE) worseTotal += shares[c.ordinal()]; else betterTotal += shares[c.ordinal()];
        }
        double[] p = new double[shares.length];
        for (OutcomeCategory c : OutcomeCategory.values()) {
            boolean worse = c.label() == OutcomeLabel.WORSE;
            double total = worse ? worseTotal : betterTotal;
            p[c.ordinal()] = total == 0 ? 0 : (worse ? pWorse : 1 - pWorse) * shares[c.ordinal()] / total;
        }
        return p;
    }

    /** Saves a prediction for the record (counts and latency in 'metrics'); no summary text is stored. */
    public void record(PredictionResult result, String doctorId, UUID appointmentId, Actor actor) {
        Prediction p = entity(result, doctorId, appointmentId, actor);
        database.inTransactionDo(em -> em.persist(p));
    }

    /** Predicts every appointment whose outcome is not known yet and saves the predictions; returns how many. */
    public long predictPending(Actor actor, com.outcomedesk.transfer.ProgressListener progress) {
        RiskTiers tiers = riskTiers();
        long[] done = {0};
        java.util.List<Prediction> chunk = new java.util.ArrayList<>();
        database.withConnection(c -> {
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
                        if (++done[0] % 1000 == 0) progress.progress("predicting", done[0], -1);
                    }
                }
            }
            return null;
        });
        save(chunk);
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
