package com.outcomedesk.learn;

import smile.validation.metric.AUC;
import smile.validation.metric.LogLoss;

/** Metrics of probabilities of "worse" against true labels on one held-out fold (threshold 0.5). */
public record BinaryMetrics(double accuracy, double precision, double recall, double f1, double macroF1, double auc,
                            double logLoss, double brier, long[][] confusion) {

    /** confusion[actual][predicted], 0 = better, 1 = worse. */
    public static BinaryMetrics of(int[] y, double[] p) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        double brier = 0;
        double[] clipped = new double[p.length];
        for (int i = 0; i < y.length; i++) {
            boolean predictedWorse = p[i] >= 0.5;
            if (y[i] == 1) {
                if (predictedWorse) tp++; else fn++;
            } else {
                if (predictedWorse) fp++; else tn++;
            }
            // a probability of exactly 0 or 1 on the wrong side would make the loss infinite
            clipped[i] = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            brier += (p[i] - y[i]) * (p[i] - y[i]);
        }
        int n = y.length;
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = f1(precision, recall);
        double precisionBetter = tn + fn == 0 ? 0 : (double) tn / (tn + fn);
        double recallBetter = tn + fp == 0 ? 0 : (double) tn / (tn + fp);
        double macroF1 = (f1 + f1(precisionBetter, recallBetter)) / 2;
        return new BinaryMetrics((double) (tp + tn) / n, precision, recall, f1, macroF1, auc(y, p), LogLoss.of(y, clipped),
                brier / n, new long[][] {{tn, fp}, {fn, tp}});
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** ROC AUC (Smile's rank-sum formula, ties given half credit); 0.5 when one class is absent. */
    public static double auc(int[] y, double[] p) {
        boolean positive = false, negative = false;
        for (int label : y) {
            if (label == 1) positive = true; else negative = true;
        }
        // Smile divides by positives x negatives: a fold with one class ranks nothing, scored as chance
        return positive && negative ? AUC.of(y, p) : 0.5;
    }
}
