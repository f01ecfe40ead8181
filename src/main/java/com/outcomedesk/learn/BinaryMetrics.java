package com.outcomedesk.learn;

import java.util.Arrays;

/** Metrics of probabilities of "worse" against true labels on one held-out fold (threshold 0.5). */
public record BinaryMetrics(double accuracy, double precision, double recall, double f1, double macroF1, double auc,
                            double logLoss, double brier, long[][] confusion) {

    /** confusion[actual][predicted], 0 = better, 1 = worse. */
    public static BinaryMetrics of(int[] y, double[] p) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0, brier = 0;
        for (int i = 0; i < y.length; i++) {
            boolean predictedWorse = p[i] >= 0.5;
            if (y[i] == 1) {
                if (predictedWorse) tp++; else fn++;
            } else {
                if (predictedWorse) fp++; else tn++;
            }
            double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            logLoss -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
            brier += (p[i] - y[i]) * (p[i] - y[i]);
        }
        int n = y.length;
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = f1(precision, recall);
        double precisionBetter = tn + fn == 0 ? 0 : (double) tn / (tn + fn);
        double recallBetter = tn + fp == 0 ? 0 : (double) tn / (tn + fp);
        double macroF1 = (f1 + f1(precisionBetter, recallBetter)) / 2;
        return new BinaryMetrics((double) (tp + tn) / n, precision, recall, f1, macroF1, auc(y, p), logLoss / n,
                brier / n, new long[][] {{tn, fp}, {fn, tp}});
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** ROC AUC by the rank-sum formula, ties given half credit. */
    public static double auc(int[] y, double[] p) {
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) j++;
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = y.length - positives;
        if (positives == 0 || negatives == 0) return 0.5;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
