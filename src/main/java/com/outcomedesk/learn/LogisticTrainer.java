package com.outcomedesk.learn;

import com.outcomedesk.text.FeatureGroup;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Sparse logistic regression by AdaGrad stochastic gradient descent with L2 shrinkage on the touched
 * weights. Each epoch visits the rows in a fresh seeded order; a pass touches each non-zero once, so a
 * million rows of ~40 features train in seconds (Smile's Maxent took ~6 s per 100k rows here).
 */
public final class LogisticTrainer {
    /** @param epochs passes over the data; @param rate AdaGrad base step; @param l2 per-update shrinkage */
    public record Params(int epochs, double rate, double l2) {
        public static Params forRows(int rows) {
            // Fewer rows need more passes to converge; large data converges in a few. Rates and passes chosen by
            // measurement on demo data with feature version 2: at 20k rows 3 passes at 0.03 reach held-out AUC 0.7374
            // (5 at 0.05: 0.7339; truth 0.7426). Above 200k rows the rate measured with feature version 1 is kept.
            int epochs = rows >= 5_000 ? 3 : 10;
            return new Params(epochs, rows >= 200_000 ? 0.05 : rows >= 5_000 ? 0.03 : 0.1, 1e-4);
        }

        public Map<String, Object> describe() {
            return Map.of("solver", "AdaGrad SGD (own)", "epochs", epochs, "rate", rate, "l2", l2);
        }
    }

    private LogisticTrainer() {
    }

    public static LogisticModel fit(Dataset data, int[] rows, Set<FeatureGroup> groups, Params params, long seed) {
        int dimension = data.dimension();
        double[] w = new double[dimension];
        double[] g2 = new double[dimension];
        double bias = 0, biasG2 = 0;
        int[][] buf = {new int[64]};
        int[] order = rows.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            TrainingService.checkCancelled();
            shuffle(order, random);
            for (int row : order) {
                int n = data.features(row, groups, buf);
                int[] idx = buf[0];
                double z = bias;
                for (int k = 0; k < n; k++) z += w[idx[k]];
                double g = Sigmoid.of(z) - data.worse(row);
                biasG2 += g * g;
                bias -= params.rate() * g / Math.sqrt(biasG2);
                for (int k = 0; k < n; k++) {
                    int j = idx[k];
                    double gj = g + params.l2() * w[j];
                    g2[j] += gj * gj;
                    w[j] -= params.rate() * gj / Math.sqrt(g2[j] + 1e-12);
                }
            }
        }
        return new LogisticModel(groups, w, bias);
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
