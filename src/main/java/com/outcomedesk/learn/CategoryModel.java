package com.outcomedesk.learn;

import com.outcomedesk.text.FeatureGroup;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Multinomial (softmax) logistic regression over the same hashed features, for the five outcome
 * categories; trained by AdaGrad as {@link LogisticTrainer} is, with one step size per feature shared by its five
 * weights. Weights are floats: 5 x 2^bits.
 */
public final class CategoryModel {
    static final int K = 5;
    /** A feature's five weights and its AdaGrad sum, while training. */
    private static final int STRIDE = K + 1;
    final float[] weights;
    final double[] bias;
    final int dimension;

    CategoryModel(float[] weights, double[] bias, int dimension) {
        this.weights = weights;
        this.bias = bias;
        this.dimension = dimension;
    }

    /** Probabilities indexed by {@code OutcomeCategory.ordinal()}. */
    public double[] probabilities(Dataset data, int row) {
        int[][] buf = {new int[64]};
        int n = data.features(row, Dataset.ALL, buf);
        double[] z = bias.clone();
        for (int c = 0; c < K; c++) {
            int base = c * dimension;
            for (int k = 0; k < n; k++) z[c] += weights[base + buf[0][k]];
        }
        return softmax(z);
    }

    /**
     * The same probabilities from the weights laid out feature by feature: one cache line a feature instead of five,
     * for predicting many rows with one model. The sums run in the same order, so the results are identical.
     */
    Scorer scorer() {
        float[] byFeature = new float[weights.length];
        for (int c = 0; c < K; c++) {
            int base = c * dimension;
            for (int f = 0; f < dimension; f++) byFeature[f * K + c] = weights[base + f];
        }
        return (data, row) -> {
            int[][] buf = {new int[64]};
            int n = data.features(row, Dataset.ALL, buf);
            double[] z = bias.clone();
            for (int k = 0; k < n; k++) {
                int at = buf[0][k] * K;
                for (int c = 0; c < K; c++) z[c] += byFeature[at + c];
            }
            return softmax(z);
        };
    }

    /** Category probabilities of a row, indexed by {@code OutcomeCategory.ordinal()}. */
    @FunctionalInterface
    interface Scorer {
        double[] probabilities(Dataset data, int row);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c] - max);
        for (int c = 0; c < z.length; c++) z[c] /= sum;
        return z;
    }

    public static CategoryModel fit(Dataset data, int[] rows, LogisticTrainer.Params params, long seed) {
        int dimension = data.dimension();
        // A feature's five weights and its one AdaGrad sum lie side by side (one cache line where separate arrays
        // cost two), stored class-major at the end. The sum is the mean of the five squared gradients: one step
        // size per feature, one square root per feature instead of five.
        float[] w = new float[STRIDE * dimension];
        double[] bias = new double[K];
        double[] biasG2 = new double[K];
        int[][] buf = {new int[64]};
        int[] order = rows.clone();
        SplittableRandom random = new SplittableRandom(seed);
        Set<com.outcomedesk.text.FeatureGroup> all = Dataset.ALL;
        double[] z = new double[K];
        double[] g = new double[K];
        double rate = params.rate(), l2 = params.l2();
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            TrainingService.checkCancelled();
            LogisticTrainer.epochOrder(rows, order, random);
            for (int row : order) {
                int n = data.features(row, all, buf);
                int[] idx = buf[0];
                System.arraycopy(bias, 0, z, 0, K);
                for (int k = 0; k < n; k++) {
                    int base = idx[k] * STRIDE;
                    for (int c = 0; c < K; c++) z[c] += w[base + c];
                }
                softmax(z);
                int truth = data.categoryIndex(row);
                for (int c = 0; c < K; c++) {
                    z[c] -= c == truth ? 1 : 0;
                    biasG2[c] += z[c] * z[c];
                    bias[c] -= rate * z[c] / Math.sqrt(biasG2[c]);
                }
                for (int k = 0; k < n; k++) {
                    int base = idx[k] * STRIDE;
                    double squares = 0;
                    for (int c = 0; c < K; c++) {
                        g[c] = z[c] + l2 * w[base + c];
                        squares += g[c] * g[c];
                    }
                    w[base + K] += (float) (squares / K);
                    double step = rate / Math.sqrt(w[base + K] + 1e-12);
                    for (int c = 0; c < K; c++) w[base + c] -= (float) (step * g[c]);
                }
            }
        }
        float[] classMajor = new float[K * dimension];
        for (int f = 0; f < dimension; f++) for (int c = 0; c < K; c++) classMajor[c * dimension + f] = w[f * STRIDE + c];
        return new CategoryModel(classMajor, bias, dimension);
    }

}
