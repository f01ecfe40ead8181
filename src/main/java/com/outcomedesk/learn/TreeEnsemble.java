package com.outcomedesk.learn;

import java.lang.reflect.Field;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;

/**
 * A fitted Smile forest or boosted ensemble as plain arrays, so a model artifact holds numbers only and
 * no library object. Each tree is flat: node i splits on {@code feature[i]} at {@code threshold[i]}
 * ({@code x <= threshold} goes to {@code yes[i]}, else {@code no[i]}) or is a leaf ({@code feature[i] < 0})
 * holding {@code leaf0[i]}/{@code leaf1[i]}: a forest leaf's two class probabilities, a boosting leaf's
 * output in {@code leaf1}. Children always come after their parent, so walking a tree ends. The
 * arithmetic is Smile's own, in its order, so probabilities are identical to the fitted classifier's.
 */
record TreeEnsemble(boolean boosted, double intercept, double shrinkage, double[] weight, Tree[] trees) {
    /**
     * One tree; every array has one entry per node. {@code cover} is how many training rows reached each node (null for
     * trees saved before artifact format 5), what path-dependent {@link TreeShap} weighs the branches by.
     */
    record Tree(int[] feature, double[] threshold, int[] yes, int[] no, double[] leaf0, double[] leaf1, int[] cover) {
        /** A tree without cover counts. */
        Tree(int[] feature, double[] threshold, int[] yes, int[] no, double[] leaf0, double[] leaf1) {
            this(feature, threshold, yes, no, leaf0, leaf1, null);
        }

        int nodes() {
            return feature.length;
        }

        /** The most splits from the root to a leaf. */
        int depth() {
            int[] d = new int[nodes()];
            int max = 0;
            for (int n = 0; n < nodes(); n++) {
                if (feature[n] < 0) continue;
                d[yes[n]] = d[no[n]] = d[n] + 1;
                max = Math.max(max, d[n] + 1);
            }
            return max;
        }

        int leaf(double[] x) {
            int n = 0;
            while (feature[n] >= 0) n = x[feature[n]] <= threshold[n] ? yes[n] : no[n];
            return n;
        }
    }

    /** The probability of class 1, as Smile's RandomForest or GradientTreeBoost predicts it. */
    double probability(double[] x) {
        if (boosted) {
            double y = intercept;
            for (Tree t : trees) y += shrinkage * t.leaf1[t.leaf(x)];
            double p0 = 1.0 / (1.0 + Math.exp(2.0 * y));
            return 1.0 - p0;
        }
        double p0 = 0, p1 = 0;
        for (int i = 0; i < trees.length; i++) {
            int leaf = trees[i].leaf(x);
            p0 += weight[i] * trees[i].leaf0[leaf];
            p1 += weight[i] * trees[i].leaf1[leaf];
        }
        return p1 / (0.0 + Math.abs(p0) + Math.abs(p1));
    }

    /** Whether every tree knows its cover counts, so that {@link #shap} can explain it. */
    boolean covered() {
        for (Tree t : trees) if (t.cover == null) return false;
        return true;
    }

    /**
     * TreeSHAP of the ensemble at x on the log-odds of class 1: fills {@code phi} (one entry per feature) and returns
     * the base value, so that base + the sum of phi = logit(probability(x)). Boosting is additive in the log-odds
     * (2 (intercept + shrinkage * the leaves)), so its values are exact; a forest averages probabilities, so its values
     * are exact on that average and scaled by one factor to the log-odds, which keeps their signs, proportions and sum.
     * Where the probability is clamped, the boosted values are scaled the same way onto the clamped log-odds.
     */
    double shap(double[] x, double[] phi) {
        return shap(x, phi, null);
    }

    /** The same, taking each tree's values from {@code tables} where it has them (null: none). */
    double shap(double[] x, double[] phi, ShapTables tables) {
        int depth = 0;
        if (tables != null) depth = tables.depth;
        else for (Tree t : trees) depth = Math.max(depth, t.depth());
        TreeShap shap = new TreeShap(depth);
        double base;
        if (boosted) {
            double expected = intercept;
            for (int i = 0; i < trees.length; i++) {
                Tree t = trees[i];
                expected += shrinkage * (tables == null ? TreeShap.expected(t, t.leaf1) : tables.expected(i));
                if (tables == null || !tables.add(i, x, 2 * shrinkage, phi)) shap.add(t, t.leaf1, x, 2 * shrinkage, phi);
            }
            base = 2 * expected;
        } else {
            double total = 0, expected = 0;
            for (double w : weight) total += w;
            for (int i = 0; i < trees.length; i++) {
                expected += weight[i] / total * (tables == null ? TreeShap.expected(trees[i], trees[i].leaf1) : tables.expected(i));
                if (tables == null || !tables.add(i, x, weight[i] / total, phi)) shap.add(trees[i], trees[i].leaf1, x, weight[i] / total, phi);
            }
            base = Sigmoid.logit(expected);
        }
        double sum = 0;
        for (double v : phi) sum += v;
        double target = Sigmoid.logit(probability(x)) - base;
        if (sum != 0 && sum != target) {
            double factor = target / sum;
            for (int j = 0; j < phi.length; j++) phi[j] *= factor;
        }
        return base;
    }

    static TreeEnsemble of(RandomForest forest) {
        RandomForest.Model[] models = forest.models();
        double[] weights = new double[models.length];
        Tree[] trees = new Tree[models.length];
        for (int i = 0; i < models.length; i++) {
            weights[i] = models[i].weight;
            trees[i] = flatten(models[i].tree.root(), false);
        }
        return new TreeEnsemble(false, 0, 0, weights, trees);
    }

    static TreeEnsemble of(GradientTreeBoost gbm, double shrinkage) {
        smile.regression.RegressionTree[] fitted = gbm.trees();
        Tree[] trees = new Tree[fitted.length];
        for (int i = 0; i < fitted.length; i++) trees[i] = flatten(fitted[i].root(), true);
        return new TreeEnsemble(true, (double) read(GradientTreeBoost.class, "b", gbm), shrinkage, new double[0], trees);
    }

    private static Tree flatten(Node root, boolean regression) {
        int size = count(root);
        Tree t = new Tree(new int[size], new double[size], new int[size], new int[size], new double[size], new double[size]);
        place(root, 0, t, regression);
        return t;
    }

    private static int count(Node node) {
        return node instanceof InternalNode in ? 1 + count(in.trueChild()) + count(in.falseChild()) : 1;
    }

    /** Writes a subtree from index {@code at} (pre-order) and returns the next free index. */
    private static int place(Node node, int at, Tree t, boolean regression) {
        if (node instanceof OrdinalNode split) {
            t.feature[at] = split.feature();
            t.threshold[at] = (double) read(OrdinalNode.class, "value", split);
            t.yes[at] = at + 1;
            int next = place(split.trueChild(), at + 1, t, regression);
            t.no[at] = next;
            return place(split.falseChild(), next, t, regression);
        }
        t.feature[at] = -1;
        if (regression) {
            t.leaf1[at] = ((RegressionNode) node).output();
        } else if (node instanceof DecisionNode leaf) {
            double[] p = DecisionNode.posteriori(leaf.count(), new double[leaf.count().length]);
            if (p.length != 2) throw new IllegalStateException("a tree leaf has " + p.length + " classes, not 2");
            t.leaf0[at] = p[0];
            t.leaf1[at] = p[1];
        } else {
            throw new IllegalStateException("unexpected tree node " + node.getClass().getSimpleName());
        }
        return at + 1;
    }

    /** Smile keeps a split's value and the boosting intercept in fields without a getter. */
    private static Object read(Class<?> type, String name, Object target) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Smile's " + type.getSimpleName() + "." + name + " cannot be read", e);
        }
    }
}
