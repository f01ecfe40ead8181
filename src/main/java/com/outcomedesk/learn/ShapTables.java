package com.outcomedesk.learn;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each small tree's TreeSHAP values worked out once for every way a row can pass its splits. A tree's values depend
 * on a row only through which side of each threshold its split features fall, so a tree whose features and
 * thresholds allow few such cases (a boosted tree three splits deep over yes/no findings has at most 128) answers
 * from a table: one lookup instead of a walk of every path, and exactly the values {@link TreeShap} gives. Larger
 * trees are worked out in time linear in their nodes ({@link LinearTreeShap}: a forest's trees, eight splits deep); a tree
 * with a node no training row reached is left to {@link TreeShap} itself.
 */
final class ShapTables {
    /** The most entries (cases times features) a tree's table may hold: 16 KB of values. */
    static final int MAX_ENTRIES = 2048;

    /** Per tree: its distinct split features, or null when it has no table. */
    private final int[][] features;
    /** Per tree and feature: the feature's thresholds in the tree, ascending. */
    private final double[][][] thresholds;
    /** Per tree: for each case, the values of its features in order (unscaled). */
    private final double[][] values;
    /** Per tree without a table of cases: its linear-time form, or null when it is walked by {@link TreeShap}. */
    private final LinearTreeShap[] linear;
    /** Per tree: its mean output over its training rows ({@link TreeShap#expected}). */
    private final double[] expected;
    /** The deepest tree's depth. */
    final int depth;

    ShapTables(TreeEnsemble ensemble) {
        TreeEnsemble.Tree[] trees = ensemble.trees();
        features = new int[trees.length][];
        thresholds = new double[trees.length][][];
        values = new double[trees.length][];
        linear = new LinearTreeShap[trees.length];
        expected = new double[trees.length];
        int width = 0, deepest = 0;
        for (TreeEnsemble.Tree t : trees) {
            for (int f : t.feature()) width = Math.max(width, f + 1);
            deepest = Math.max(deepest, t.depth());
        }
        depth = deepest;
        TreeShap shap = new TreeShap(depth);
        double[] x = new double[width], phi = new double[width];
        for (int i = 0; i < trees.length; i++) {
            expected[i] = TreeShap.expected(trees[i], trees[i].leaf1());
            build(i, trees[i], shap, x, phi);
            if (features[i] == null) linear[i] = LinearTreeShap.of(trees[i], trees[i].leaf1());
        }
    }

    double expected(int i) {
        return expected[i];
    }

    private void build(int i, TreeEnsemble.Tree t, TreeShap shap, double[] x, double[] phi) {
        TreeMap<Integer, TreeSet<Double>> splits = new TreeMap<>();
        for (int n = 0; n < t.nodes(); n++) {
            if (t.feature()[n] >= 0) splits.computeIfAbsent(t.feature()[n], f -> new TreeSet<>()).add(t.threshold()[n]);
        }
        int m = splits.size();
        long cases = 1;
        for (TreeSet<Double> s : splits.values()) {
            cases *= s.size() + 1;
            if (cases * m > MAX_ENTRIES) return;   // before the product can overflow
        }
        if (m == 0) return;
        int[] f = splits.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[][] th = splits.values().stream().map(s -> s.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        double[] table = new double[(int) cases * m];
        for (int c = 0; c < cases; c++) {
            int rest = c;
            for (int j = m - 1; j >= 0; j--) {
                int side = rest % (th[j].length + 1);
                rest /= th[j].length + 1;
                // A value with exactly `side` thresholds below it: x <= threshold takes the yes branch.
                x[f[j]] = side < th[j].length ? th[j][side] : Math.nextUp(th[j][th[j].length - 1]);
            }
            shap.add(t, t.leaf1(), x, 1, phi);
            for (int j = 0; j < m; j++) {
                table[c * m + j] = phi[f[j]];
                phi[f[j]] = 0;
            }
        }
        features[i] = f;
        thresholds[i] = th;
        values[i] = table;
    }

    /** Adds {@code scale} times tree i's values at x to phi, when the tree has tables; false when it has none. */
    boolean add(int i, double[] x, double scale, double[] phi) {
        int[] f = features[i];
        if (f == null) {
            if (linear[i] == null) return false;
            linear[i].add(x, scale, phi);
            return true;
        }
        double[][] th = thresholds[i];
        int c = 0;
        for (int j = 0; j < f.length; j++) {
            int side = 0;
            while (side < th[j].length && x[f[j]] > th[j][side]) side++;
            c = c * (th[j].length + 1) + side;
        }
        double[] table = values[i];
        for (int j = 0, at = c * f.length; j < f.length; j++) phi[f[j]] += scale * table[at + j];
        return true;
    }

    /** How many trees answer from a table of cases. */
    int tabled() {
        return (int) Arrays.stream(features).filter(f -> f != null).count();
    }

    /** How many trees are worked out in linear time. */
    int linear() {
        return (int) Arrays.stream(linear).filter(l -> l != null).count();
    }
}
