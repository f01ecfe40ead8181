package com.outcomedesk.insight;

import java.util.Arrays;

/**
 * Spread of the doctors' weighted scores: quartiles by linear interpolation (as numpy and pandas compute
 * them, like the reference), Tukey fences at 1.5 x IQR, and the mean and population standard deviation
 * used for z-scores. The UI draws the fences on the weighted-score bar chart.
 */
public record ScoreSummary(double q1, double median, double q3, double iqr, double lowerFence, double upperFence,
                           double mean, double sd) {

    static final double FENCE = 1.5;

    static ScoreSummary of(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        double ss = 0;
        for (double s : sorted) ss += (s - mean) * (s - mean);
        double sd = sorted.length == 0 ? Double.NaN : Math.sqrt(ss / sorted.length);
        return new ScoreSummary(q1, quantile(sorted, 0.5), q3, iqr, q1 - FENCE * iqr, q3 + FENCE * iqr, mean, sd);
    }

    /** Linear interpolation between closest ranks: position p x (n - 1). */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    double z(double score) {
        return sd > 0 ? (score - mean) / sd : 0;
    }
}
