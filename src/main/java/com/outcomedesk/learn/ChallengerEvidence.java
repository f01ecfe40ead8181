package com.outcomedesk.learn;

import java.time.LocalDate;

/**
 * What a policy run measured of a challenger against the active champion, on the same rows. {@code champion*} fields
 * are null when no version was active (or its artifact could not be used); {@code holdout} is null when too few dated
 * appointments allow a time-ordered holdout.
 *
 * @param holdout the most recent time-ordered holdout: the challenger fitted on the appointments before the cut-off,
 *                the champion's artifact as it answers today
 * @param folds   the challenger's and the champion's algorithm cross-validated on the same folds of today's data
 */
public record ChallengerEvidence(Integer championVersion, String championAlgorithm, int challengerVersion,
                                 String challengerAlgorithm, Holdout holdout, Folds folds) {

    /**
     * AUC, expected calibration error (mean gap between predicted and observed rate of worse over ten probability
     * bins, weighted by rows) and Brier score of both on the held-out rows.
     */
    public record Holdout(LocalDate cutoff, int trainRows, int testRows, Double championAuc, double challengerAuc,
                          Double championCalibrationError, double challengerCalibrationError, Double championBrier,
                          double challengerBrier) {
    }

    /** Mean AUC over the same held-out folds; the champion's is null when its algorithm was not among the candidates. */
    public record Folds(int folds, int repeats, Double championAuc, double challengerAuc) {
    }

    ChallengerEvidence withChallengerVersion(int version) {
        return new ChallengerEvidence(championVersion, championAlgorithm, version, challengerAlgorithm, holdout, folds);
    }

    public boolean hasChampion() {
        return championVersion != null;
    }
}
