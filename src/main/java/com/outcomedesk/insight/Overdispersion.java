package com.outcomedesk.insight;

import java.util.Arrays;

/**
 * Between-doctor variance tau^2 of per-doctor estimates around a centre, each with its own within-doctor
 * variance, that outliers cannot inflate: DerSimonian-Laird with the dispersion first taken from the median
 * absolute deviation of the z-scores (robust to many outliers, but noisy), then re-estimated from the doctors
 * inside the 99.8% limits until that set no longer changes. The funnel uses it on rates, the case-mix
 * comparison on observed/expected ratios.
 */
final class Overdispersion {
    private static final double MAD_TO_SD = 1.4826;
    private static final int MAX_ROUNDS = 10;

    private Overdispersion() {
    }

    /** Every variance must be positive; 0 when fewer than three doctors or no overdispersion. */
    static double tau2(double[] estimate, double[] variance, double centre) {
        boolean[] all = new boolean[estimate.length];
        Arrays.fill(all, true);
        double tau2 = dersimonianLaird(estimate, variance, centre, all, true);
        boolean[] inside = all;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean[] now = new boolean[estimate.length];
            for (int i = 0; i < now.length; i++) {
                now[i] = Math.abs(estimate[i] - centre) / Math.sqrt(variance[i] + tau2) <= FunnelAnalysis.Z998;
            }
            if (round > 0 && Arrays.equals(now, inside)) break;
            inside = now;
            tau2 = dersimonianLaird(estimate, variance, centre, inside, false);
        }
        return tau2;
    }

    /**
     * DerSimonian-Laird tau^2 over the chosen doctors; the dispersion ratio phi is the mean squared z-score, or
     * with {@code robust} the squared scaled MAD of the z-scores.
     */
    private static double dersimonianLaird(double[] estimate, double[] variance, double centre, boolean[] chosen,
                                           boolean robust) {
        int k = 0;
        for (boolean c : chosen) if (c) k++;
        if (k < 3) return 0;
        double[] z = new double[k];
        double sumW = 0;
        double sumW2 = 0;
        for (int i = 0, j = 0; i < estimate.length; i++) {
            if (!chosen[i]) continue;
            double w = 1 / variance[i];
            z[j++] = (estimate[i] - centre) * Math.sqrt(w);
            sumW += w;
            sumW2 += w * w;
        }
        double phi;
        if (robust) {
            double median = median(z);
            double[] deviations = Arrays.stream(z).map(v -> Math.abs(v - median)).toArray();
            phi = Math.pow(MAD_TO_SD * median(deviations), 2);
        } else {
            phi = Arrays.stream(z).map(v -> v * v).sum() / k;
        }
        return Math.max(0, (k * phi - (k - 1)) / (sumW - sumW2 / sumW));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ScoreSummary.quantile(sorted, 0.5);
    }
}
