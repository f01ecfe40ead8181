package com.outcomedesk.monitor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one period or group collects while predictions stream past: counts, the tier mix, and the probabilities of
 * the predictions whose outcome is known, split by that outcome (and, for drift, of all predictions).
 */
final class Scores {
    static final String[] TIERS = {"low", "medium", "high"};

    private long predictions;
    private long fallback;
    private final long[] tiers = new long[TIERS.length];
    private final DoubleList worse = new DoubleList();
    private final DoubleList better = new DoubleList();
    private final DoubleList all = new DoubleList();

    void add(double probability, String tier, Boolean outcomeWorse, boolean answeredByFallback) {
        predictions++;
        if (answeredByFallback) fallback++;
        for (int t = 0; t < TIERS.length; t++) if (TIERS[t].equals(tier)) tiers[t]++;
        all.add(probability);
        if (outcomeWorse == null) return;
        if (outcomeWorse) worse.add(probability);
        else better.add(probability);
    }

    long predictions() {
        return predictions;
    }

    double[] allSorted() {
        return all.sorted();
    }

    /** The live performance of what was collected, labelled with its period and group. */
    LivePerformance performance(String period, String group) {
        double[] w = worse.sorted(), b = better.sorted();
        long n = w.length + (long) b.length;
        Map<String, Estimate> tierMix = new LinkedHashMap<>();
        for (int t = 0; t < TIERS.length; t++) {
            tierMix.put(TIERS[t], predictions == 0 ? null : Estimate.wilson(tiers[t], predictions));
        }
        if (n == 0) {
            return new LivePerformance(period, group, predictions, 0, fallback, null, null, null, null, null, null,
                    java.util.List.of(), tierMix);
        }
        long correct = 0;
        double squared = 0, squaredSq = 0;
        for (double p : w) {
            if (p >= 0.5) correct++;
            double e = (1 - p) * (1 - p);
            squared += e;
            squaredSq += e * e;
        }
        for (double p : b) {
            if (p < 0.5) correct++;
            double e = p * p;
            squared += e;
            squaredSq += e * e;
        }
        double brier = squared / n;
        double brierSe = n < 2 ? 0 : Math.sqrt(Math.max(0, (squaredSq - n * brier * brier) / (n - 1)) / n);
        CalibrationFit fit = CalibrationFit.of(w, b);
        return new LivePerformance(period, group, predictions, n, fallback, Auc.of(w, b), Estimate.wilson(correct, n),
                Estimate.normal(brier, brierSe, 0, 1, "normal"), Estimate.wilson(w.length, n),
                fit == null ? null : fit.slope(), fit == null ? null : fit.intercept(), Deciles.of(w, b), tierMix);
    }
}
