package com.outcomedesk.learn;

import com.outcomedesk.history.PatientHistory;
import com.outcomedesk.history.PatientHistoryTable;
import com.outcomedesk.store.LearningRows;
import java.util.Optional;

/**
 * Measures a challenger against the champion on the same rows. On the time-ordered holdout the champion answers with its
 * artifact exactly as it does in use; where it was trained on some held-out rows its figure is optimistic, which only
 * makes a promotion harder, never easier. The challenger's held-out probabilities are calibrated by Platt scaling fitted
 * on the out-of-fold predictions of the rows before the cut-off, so its calibration is measured without the holdout's
 * labels. On the folds the champion's algorithm and the challenger's are compared as cross-validated on today's data.
 */
final class ChampionComparison {
    static final int BINS = 10;

    private ChampionComparison() {
    }

    static ChallengerEvidence measure(LoadedModel champion, LearningRows rows, PatientHistoryTable histories,
                                      Optional<TimeOrderedSplit.Holdout> holdout, Evaluation evaluation, double[] challengerOutOfFold,
                                      int[] y, int challengerVersion) {
        double[] championP = champion == null ? null : championProbabilities(champion, rows, histories, y.length);
        ChallengerEvidence.Holdout h = holdout.map(t -> holdout(t, championP, challengerOutOfFold, y)).orElse(null);
        Evaluation.CandidateResult challenger = evaluation.selectedResult();
        Double championFolds = champion == null ? null : evaluation.candidates().stream()
                .filter(c -> c.name().equals(champion.model().algorithm())).findFirst().map(Evaluation.CandidateResult::auc)
                .orElse(null);
        return new ChallengerEvidence(champion == null ? null : champion.version(), champion == null ? null
                : champion.model().algorithm(), challengerVersion, evaluation.selected(), h,
                new ChallengerEvidence.Folds(evaluation.folds(), evaluation.repeats(), championFolds, challenger.auc()));
    }

    private static ChallengerEvidence.Holdout holdout(TimeOrderedSplit.Holdout t, double[] championP, double[] oof, int[] y) {
        int[] trainY = new int[t.train().length];
        double[] trainP = new double[t.train().length];
        for (int i = 0; i < trainY.length; i++) {
            trainY[i] = y[t.train()[i]];
            trainP[i] = oof[t.train()[i]];
        }
        Calibration platt = Calibration.fit(trainY, trainP);
        double[] challenger = new double[t.test().length];
        for (int i = 0; i < challenger.length; i++) challenger[i] = platt.apply(t.p()[i]);
        Double auc = null, error = null, brier = null;
        if (championP != null) {
            double[] champion = new double[t.test().length];
            for (int i = 0; i < champion.length; i++) champion[i] = championP[t.test()[i]];
            auc = BinaryMetrics.auc(t.y(), champion);
            error = calibrationError(t.y(), champion);
            brier = brier(t.y(), champion);
        }
        return new ChallengerEvidence.Holdout(t.cutoff(), t.train().length, t.test().length, auc, BinaryMetrics.auc(t.y(), challenger),
                error, calibrationError(t.y(), challenger), brier, brier(t.y(), challenger));
    }

    /**
     * The champion's calibrated probability of worse for every labelled row, in the dataset's (id) order; a champion
     * trained with patient history gets each row's history as training computed it.
     */
    private static double[] championProbabilities(LoadedModel champion, LearningRows rows, PatientHistoryTable histories, int expected) {
        Predictor predictor = new Predictor(champion);
        double[] read = new double[expected];
        IdOrder ids = new IdOrder();
        int[] n = {0};
        rows.forEachLabelled((id, doctorId, summary, date, category) -> {
            if (n[0] < expected) {
                String doctor = doctorId == null || doctorId.isBlank() ? "(no doctor)" : doctorId;
                PatientHistory history = predictor.usesPatientHistory() ? histories.of(id) : PatientHistory.NONE;
                read[n[0]] = predictor.probability(new PredictionRequest(doctor, summary, date), history);
                ids.add(id);
            }
            if (++n[0] % 50_000 == 0) TrainingService.checkCancelled();
        });
        if (n[0] != expected) {
            throw new IllegalStateException("Appointments were labelled while the challenger was measured (" + n[0] + " now, "
                    + expected + " before); run the policy again.");
        }
        int[] order = ids.order();
        double[] p = new double[expected];
        for (int i = 0; i < expected; i++) p[i] = read[order[i]];
        return p;
    }

    /** Expected calibration error: the rows' mean gap between predicted and observed rate of worse over ten equal bins. */
    static double calibrationError(int[] y, double[] p) {
        long[] count = new long[BINS];
        double[] predicted = new double[BINS], observed = new double[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(BINS - 1, (int) (p[i] * BINS));
            count[b]++;
            predicted[b] += p[i];
            observed[b] += y[i];
        }
        double gap = 0;
        for (int b = 0; b < BINS; b++) gap += Math.abs(predicted[b] - observed[b]);
        return p.length == 0 ? 0 : gap / p.length;
    }

    static double brier(int[] y, double[] p) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += (p[i] - y[i]) * (p[i] - y[i]);
        return p.length == 0 ? 0 : sum / p.length;
    }

}
