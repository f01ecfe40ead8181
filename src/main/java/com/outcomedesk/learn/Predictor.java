package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Predicts with one loaded model; immutable and thread-safe, so batch scoring can run in parallel. */
public final class Predictor {
    static final int EXPLANATION_TERMS = 8;
    private final LoadedModel loaded;
    private final TrainedModel model;
    private final Featurizer featurizer;

    public Predictor(LoadedModel loaded) {
        this.loaded = loaded;
        this.model = loaded.model();
        this.featurizer = new Featurizer(model.hashBits(), ClinicalEntityExtractor.defaults());
    }

    LoadedModel loaded() {
        return loaded;
    }

    /** The full answer: calibrated probability, tier, category, explanation and the time it took. */
    public PredictionResult predict(PredictionRequest request, RiskTiers tiers) {
        long start = System.nanoTime();
        boolean known = model.knownDoctors().contains(request.doctorId());
        Explainer explainer = new Explainer(featurizer, request.doctorId(), known, request.summary(), request.date());
        double p = model.calibration().apply(model.binary().probability(explainer.row, 0));
        double[] categories = categoryProbabilities(explainer.row, p);
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

    /**
     * The calibrated probability of worse from the summary and date alone, as for a doctor the model does not
     * know: the patient's case mix without any doctor's own effect, for risk adjustment.
     */
    public double probabilityWithoutDoctor(String summary, java.time.LocalDate date) {
        return model.calibration().apply(model.binary().probability(Dataset.single(featurizer, null, summary, date), 0));
    }

    /** Which model answers: "model version N" or the baseline, with why. */
    public String answeredBy() {
        return loaded.fallbackReason() == null ? loaded.answeredBy() : loaded.answeredBy() + " (" + loaded.fallbackReason() + ")";
    }

    /** The calibrated probability of worse only: the fast path for batch scoring. */
    public double probability(PredictionRequest request) {
        String doctor = model.knownDoctors().contains(request.doctorId()) ? request.doctorId() : null;
        Dataset row = Dataset.single(featurizer, doctor, request.summary(), request.date());
        return model.calibration().apply(model.binary().probability(row, 0));
    }

    private double[] categoryProbabilities(Dataset row, double pWorse) {
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
}
