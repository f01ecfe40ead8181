package com.outcomedesk.learn;

import java.util.List;
import java.util.Map;

/**
 * Everything cross-validation found, as stored in a model version's metrics JSON and shown by the UI:
 * every candidate's metrics (mean and 95% interval over folds), the ablation, the five-category
 * results, the selected model's out-of-fold ROC curve and calibration table, and plain-language notes.
 */
public record Evaluation(int rows, int worseRows, int folds, int repeats, long seed, String selected,
                         List<CandidateResult> candidates, List<CandidateResult> ablation,
                         CategoryResult categories, List<double[]> roc, List<CalibrationBin> calibration,
                         Calibration platt, List<String> notes) {

    /** One candidate's fold metrics; confusion is summed over the folds of the first repeat. */
    public record CandidateResult(String name, String description, Map<Metric, Interval> metrics, long[][] confusion,
                                  long fitMillis, String evaluatedOn) {
        public double auc() {
            return metrics.get(Metric.AUC).mean();
        }
    }

    /** Five-category model: macro-F1 and accuracy over folds, confusion[actual][predicted] in category order. */
    public record CategoryResult(List<String> categories, Interval macroF1, Interval accuracy, long[][] confusion) {
    }

    /** Out-of-fold predictions in one probability bin: mean raw and calibrated probability, observed rate. */
    public record CalibrationBin(double low, double high, long count, double meanPredicted, double meanCalibrated,
                                 double observed) {
    }

    public CandidateResult candidate(String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    public CandidateResult selectedResult() {
        return candidate(selected);
    }
}
