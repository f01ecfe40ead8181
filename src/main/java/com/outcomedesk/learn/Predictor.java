package com.outcomedesk.learn;

import com.outcomedesk.history.HistoryFeatures;
import com.outcomedesk.history.PatientHistory;
import com.outcomedesk.history.PatientHistoryLookup;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;

/** Predicts with one loaded model; immutable and thread-safe, so batch scoring can run in parallel. */
public final class Predictor {
    private final LoadedModel loaded;
    private final TrainedModel model;
    private final Featurizer featurizer;
    private final CategoryModel.Scorer categories;
    /** Null for a model trained without patient history: it is fed none and predicts as it always did. */
    private final HistoryFeatures historyFeatures;
    private final PatientHistoryLookup histories;

    /** A predictor that knows no patient's history (every appointment reads as having none). */
    public Predictor(LoadedModel loaded) {
        this(loaded, PatientHistoryLookup.NONE);
    }

    /** A predictor that looks up the patient's history of each request (when its model was trained with it). */
    public Predictor(LoadedModel loaded, PatientHistoryLookup histories) {
        this.loaded = loaded;
        this.model = loaded.model();
        this.featurizer = new Featurizer(model.hashBits(), model.featureVersion(), ClinicalEntityExtractor.defaults());
        this.categories = model.categories() == null ? null : model.categories().scorer();
        this.historyFeatures = model.usesPatientHistory() ? new HistoryFeatures(model.hashBits()) : null;
        this.histories = histories;
    }

    /** Whether the model reads the patient's history (so a caller scoring many rows may look histories up in one pass). */
    public boolean usesPatientHistory() {
        return historyFeatures != null;
    }

    /** The request's patient history as the predictor sees it (none for a model without patient history). */
    PatientHistory history(PredictionRequest request) {
        return historyFeatures == null ? PatientHistory.NONE : histories.before(request.patientRef(), request.date());
    }

    private int[] historyIndices(PatientHistory history) {
        return DatasetBuilder.historyIndices(historyFeatures, history);
    }

    LoadedModel loaded() {
        return loaded;
    }

    /** The full answer: calibrated probability, tier, consistent categories, explanation and the time it took. */
    public PredictionResult predict(PredictionRequest request, RiskTiers tiers) {
        long start = System.nanoTime();
        return predict(request, tiers, history(request), start);
    }

    /** The full answer for an appointment whose patient history is already known (batch scoring reads them in one pass). */
    public PredictionResult predict(PredictionRequest request, RiskTiers tiers, PatientHistory history) {
        return predict(request, tiers, history, System.nanoTime());
    }

    private PredictionResult predict(PredictionRequest request, RiskTiers tiers, PatientHistory history, long start) {
        boolean known = model.knownDoctors().contains(request.doctorId());
        Explainer explainer = new Explainer(featurizer, request.doctorId(), known, request.summary(), request.date(),
                historyFeatures, history);
        double p = model.calibration().apply(model.binary().probability(explainer.row, 0));
        Coherent answer = Coherent.of(p, categoryProbabilities(explainer.row, p));
        Attribution why = model.binary().attribute(explainer).calibrated(model.calibration());
        long micros = (System.nanoTime() - start) / 1_000;
        return new PredictionResult(answer.label().code(), p, answer.category().code(), answer.byName(), tiers.tier(p),
                loaded.version(), loaded.answeredBy(), loaded.fallbackReason(), known, known ? null
                : "doctor " + request.doctorId() + " is unknown to the model: no doctor effect was applied",
                why.factors(), micros, why.base(), whyNot(why, answer.label()), answer.agreement());
    }

    /**
     * The answer without its explanation, for scoring files: the same calibrated probability, consistent categories,
     * tier and agreement as {@link #predict}, without naming features or attributing them (most of a full answer's cost).
     */
    public Answer answer(PredictionRequest request, RiskTiers tiers) {
        boolean known = model.knownDoctors().contains(request.doctorId());
        Dataset row = Dataset.single(featurizer, known ? request.doctorId() : null, request.summary(), request.date(),
                historyIndices(history(request)));
        double p = model.calibration().apply(model.binary().probability(row, 0));
        Coherent c = Coherent.of(p, categoryProbabilities(row, p));
        return new Answer(c.label().code(), p, c.category().code(), c.probabilities(), tiers.tier(p), known, c.agreement().kind());
    }

    /**
     * A file row's answer: what {@link PredictionResult} says, less the explanation and the model's identity; the five
     * probabilities indexed by {@code OutcomeCategory.ordinal()}.
     */
    public record Answer(String label, double probability, String category, double[] categoryProbabilities,
                         String riskTier, boolean doctorKnown, TaskAgreement.Kind agreement) {
    }

    /** The strongest factor pushing away from the answer: towards better when it says worse, and the reverse. */
    static Contribution whyNot(Attribution why, OutcomeLabel label) {
        Contribution best = null;
        for (Contribution c : why.factors()) {
            double against = label == OutcomeLabel.WORSE ? -c.weight() : c.weight();
            if (against > 0 && (best == null || against > Math.abs(best.weight()))) best = c;
        }
        return best;
    }

    /**
     * The calibrated probability of worse from the summary and date alone, as for a doctor the model does not
     * know: the patient's case mix without any doctor's own effect, for risk adjustment.
     */
    public double probabilityWithoutDoctor(String summary, java.time.LocalDate date) {
        return model.calibration().apply(model.binary().probability(Dataset.single(featurizer, null, summary, date,
                historyIndices(PatientHistory.NONE)), 0));
    }

    /** Which model answers: "model version N" or the baseline, with why. */
    public String answeredBy() {
        return loaded.fallbackReason() == null ? loaded.answeredBy() : loaded.answeredBy() + " (" + loaded.fallbackReason() + ")";
    }

    /** The calibrated probability of worse only: the fast path for batch scoring. */
    public double probability(PredictionRequest request) {
        return probability(request, history(request));
    }

    /** The calibrated probability of worse for an appointment whose patient history is already known. */
    public double probability(PredictionRequest request, PatientHistory history) {
        String doctor = model.knownDoctors().contains(request.doctorId()) ? request.doctorId() : null;
        Dataset row = Dataset.single(featurizer, doctor, request.summary(), request.date(), historyIndices(history));
        return model.calibration().apply(model.binary().probability(row, 0));
    }

    private double[] categoryProbabilities(Dataset row, double pWorse) {
        if (categories != null) return categories.probabilities(row, 0);
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
