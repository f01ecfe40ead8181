package com.outcomedesk.learn;

/**
 * Path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, "Consistent individualized feature attribution for tree
 * ensembles", Algorithm 2): the exact Shapley values of one tree's output at one row, where a feature left out of a
 * coalition follows both branches of its splits, weighted by the training rows (cover) that went each way. The cost is
 * polynomial in the depth instead of exponential in the features, and the values add up exactly:
 * {@link #expected} + the sum of the values = the tree's output at the row.
 */
final class TreeShap {
    /** The path of unique features from the root, one segment per depth (each level copies its parent's). */
    private final int[] feature;
    private final double[] zero, one, weight;

    /** Room for trees up to {@code depth} splits deep. */
    TreeShap(int depth) {
        int n = (depth + 3) * (depth + 4) / 2;
        feature = new int[n];
        zero = new double[n];
        one = new double[n];
        weight = new double[n];
    }

    /** The tree's mean output over its training rows: each leaf's value weighted by its cover. */
    static double expected(TreeEnsemble.Tree t, double[] values) {
        double[] e = new double[t.nodes()];
        for (int n = t.nodes() - 1; n >= 0; n--) {
            e[n] = t.feature()[n] < 0 ? values[n]
                    : (t.cover()[t.yes()[n]] * e[t.yes()[n]] + t.cover()[t.no()[n]] * e[t.no()[n]]) / t.cover()[n];
        }
        return e[0];
    }

    /** Adds {@code scale} times each feature's Shapley value of the tree (leaf outputs {@code values}) at x to phi. */
    void add(TreeEnsemble.Tree t, double[] values, double[] x, double scale, double[] phi) {
        recurse(t, values, x, scale, phi, 0, 0, 0, 1, 1, -1);
    }

    private void recurse(TreeEnsemble.Tree t, double[] values, double[] x, double scale, double[] phi, int node, int depth,
                         int parentAt, double zeroFraction, double oneFraction, int parentFeature) {
        int at = parentAt + depth + 1;
        System.arraycopy(feature, parentAt, feature, at, depth + 1);
        System.arraycopy(zero, parentAt, zero, at, depth + 1);
        System.arraycopy(one, parentAt, one, at, depth + 1);
        System.arraycopy(weight, parentAt, weight, at, depth + 1);
        extend(at, depth, zeroFraction, oneFraction, parentFeature);
        int split = t.feature()[node];
        if (split < 0) {
            // Element 0 is the root's placeholder, not a feature.
            for (int i = 1; i <= depth; i++) {
                phi[feature[at + i]] += scale * unwoundSum(at, depth, i) * (one[at + i] - zero[at + i]) * values[node];
            }
            return;
        }
        int hot = x[split] <= t.threshold()[node] ? t.yes()[node] : t.no()[node];
        int cold = hot == t.yes()[node] ? t.no()[node] : t.yes()[node];
        double cover = t.cover()[node];
        double incomingZero = 1, incomingOne = 1;
        int k = 0;
        while (k <= depth && feature[at + k] != split) k++;
        if (k <= depth) {
            // The feature was split on above: undo that extension so this split counts it once.
            incomingZero = zero[at + k];
            incomingOne = one[at + k];
            unwind(at, depth, k);
            depth--;
        }
        recurse(t, values, x, scale, phi, hot, depth + 1, at, t.cover()[hot] / cover * incomingZero, incomingOne, split);
        recurse(t, values, x, scale, phi, cold, depth + 1, at, t.cover()[cold] / cover * incomingZero, 0, split);
    }

    private void extend(int at, int depth, double zeroFraction, double oneFraction, int f) {
        feature[at + depth] = f;
        zero[at + depth] = zeroFraction;
        one[at + depth] = oneFraction;
        weight[at + depth] = depth == 0 ? 1 : 0;
        for (int i = depth - 1; i >= 0; i--) {
            weight[at + i + 1] += oneFraction * weight[at + i] * (i + 1) / (depth + 1);
            weight[at + i] = zeroFraction * weight[at + i] * (depth - i) / (depth + 1);
        }
    }

    private void unwind(int at, int depth, int index) {
        double o = one[at + index], z = zero[at + index];
        double next = weight[at + depth];
        for (int i = depth - 1; i >= 0; i--) {
            if (o != 0) {
                double w = weight[at + i];
                weight[at + i] = next * (depth + 1) / ((i + 1) * o);
                next = w - weight[at + i] * z * (depth - i) / (depth + 1);
            } else {
                weight[at + i] = weight[at + i] * (depth + 1) / (z * (depth - i));
            }
        }
        for (int i = index; i < depth; i++) {
            feature[at + i] = feature[at + i + 1];
            zero[at + i] = zero[at + i + 1];
            one[at + i] = one[at + i + 1];
        }
    }

    /** The total permutation weight of the path if the element at {@code index} were unwound. */
    private double unwoundSum(int at, int depth, int index) {
        double o = one[at + index], z = zero[at + index];
        double next = weight[at + depth], total = 0;
        if (o != 0) {
            for (int i = depth - 1; i >= 0; i--) {
                double w = next / ((i + 1) * o);
                total += w;
                next = weight[at + i] - w * z * (depth - i);
            }
        } else {
            for (int i = depth - 1; i >= 0; i--) total += weight[at + i] / (z * (depth - i));
        }
        return total * (depth + 1);
    }
}
