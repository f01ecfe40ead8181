package com.outcomedesk.monitor;

import java.util.List;
import java.util.Map;

/**
 * How the model did on one period (and group, null when grouped by month only) once outcomes were known.
 * {@code predictions} counts every saved prediction, {@code withOutcome} those whose appointment has an outcome now;
 * the figures are over the latter and null when they cannot be measured (no outcomes, or one class only).
 * Intervals: AUC DeLong, accuracy and rates Wilson, Brier normal approximation, calibration Wald.
 */
public record LivePerformance(String period, String group, long predictions, long withOutcome, long fallback,
                              Estimate auc, Estimate accuracy, Estimate brier, Estimate observedWorseRate,
                              Estimate calibrationSlope, Estimate calibrationIntercept, List<Deciles.Decile> calibration,
                              Map<String, Estimate> tierMix) {
}
