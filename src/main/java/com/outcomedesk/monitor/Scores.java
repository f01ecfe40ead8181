package com.outcomedesk.monitor;

import com.outcomedesk.store.MonitorRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one period or group collects from the database's tallies: counts, the tier mix, exact sums for the Brier score
 * and accuracy, and a histogram of the probabilities by outcome (for AUC, calibration and, over all predictions, drift).
 */
final class Scores {
    static final String[] TIERS = {"low", "medium", "high"};

    private long predictions;
    private long fallback;
    private final long[] tiers = new long[TIERS.length];
    /** Per outcome (0 better, 1 worse): count and the sums of p, p^2, p^3, p^4, and how many were called worse. */
    private final double[][] sums = new double[2][5];
    private final long[] calledWorse = new long[2];
    private final Map<Double, Cell> cells = new TreeMap<>();

    private static final class Cell {
        long worse, better, all;
        double sum;
    }

    /** One prediction, its probability its own cell (tests, and anything counted outside the database). */
    void add(double probability, String tier, Boolean outcomeWorse, boolean answeredByFallback) {
        double p2 = probability * probability;
        add(probability, new MonitorRepository.Tally(0, null, 0, outcomeWorse, tier, answeredByFallback, 1,
                probability, p2, p2 * probability, p2 * p2, probability >= 0.5 ? 1 : 0));
    }

    /** A tally of predictions with the same outcome in the cell {@code key}. */
    void add(double key, MonitorRepository.Tally t) {
        Boolean outcomeWorse = t.worse();
        predictions += t.count();
        if (t.fallback()) fallback += t.count();
        for (int i = 0; i < TIERS.length; i++) if (TIERS[i].equals(t.riskTier())) tiers[i] += t.count();
        Cell cell = cells.computeIfAbsent(key, k -> new Cell());
        cell.all += t.count();
        cell.sum += t.sum();
        if (outcomeWorse == null) return;
        if (outcomeWorse) cell.worse += t.count();
        else cell.better += t.count();
        double[] s = sums[outcomeWorse ? 1 : 0];
        s[0] += t.count();
        s[1] += t.sum();
        s[2] += t.sumSquares();
        s[3] += t.sumCubes();
        s[4] += t.sumFourths();
        calledWorse[outcomeWorse ? 1 : 0] += t.calledWorse();
    }

    long predictions() {
        return predictions;
    }

    ScoreHistogram histogram() {
        int n = cells.size(), i = 0;
        double[] key = new double[n], mean = new double[n];
        long[] worse = new long[n], better = new long[n], all = new long[n];
        for (Map.Entry<Double, Cell> e : cells.entrySet()) {
            Cell c = e.getValue();
            key[i] = e.getKey();
            mean[i] = c.sum / c.all;
            worse[i] = c.worse;
            better[i] = c.better;
            all[i++] = c.all;
        }
        return new ScoreHistogram(key, mean, worse, better, all);
    }

    /** The live performance of what was collected, labelled with its period and group. */
    LivePerformance performance(String period, String group) {
        Map<String, Estimate> tierMix = new LinkedHashMap<>();
        for (int t = 0; t < TIERS.length; t++) {
            tierMix.put(TIERS[t], predictions == 0 ? null : Estimate.wilson(tiers[t], predictions));
        }
        double[] w = sums[1], b = sums[0];
        long worse = (long) w[0], n = worse + (long) b[0];
        if (n == 0) {
            return new LivePerformance(period, group, predictions, 0, fallback, null, null, null, null, null, null,
                    java.util.List.of(), tierMix);
        }
        long correct = calledWorse[1] + ((long) b[0] - calledWorse[0]);
        // squared errors (1 - p)^2 of the worse cases and p^2 of the better ones, and their squares, from the sums
        double squared = Math.max(0, (w[0] - 2 * w[1] + w[2]) + b[2]);
        double squaredSq = Math.max(0, (w[0] - 4 * w[1] + 6 * w[2] - 4 * w[3] + w[4]) + b[4]);
        double brier = squared / n;
        double brierSe = n < 2 ? 0 : Math.sqrt(Math.max(0, (squaredSq - n * brier * brier) / (n - 1)) / n);
        ScoreHistogram h = histogram();
        CalibrationFit fit = CalibrationFit.of(h);
        return new LivePerformance(period, group, predictions, n, fallback, Auc.of(h), Estimate.wilson(correct, n),
                Estimate.normal(brier, brierSe, 0, 1, "normal"), Estimate.wilson(worse, n),
                fit == null ? null : fit.slope(), fit == null ? null : fit.intercept(), Deciles.of(h), tierMix);
    }
}
