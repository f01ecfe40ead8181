package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Path-dependent TreeSHAP against the definition: on random trees over at most 8 features, where features repeat along
 * a path, its values equal the exact Shapley values of the value function "follow x's branch at a split on a feature
 * in the coalition, else both branches weighted by their cover", taken over every coalition.
 */
class TreeShapTest {
    private static final double EPS = 1e-12;

    @Test
    void equalsBruteForceShapleyOnRandomSmallTrees() {
        SplittableRandom random = new SplittableRandom(16);
        for (int trial = 0; trial < 400; trial++) {
            int features = 1 + random.nextInt(8);
            TreeEnsemble.Tree tree = RandomTrees.tree(random, features, 1 + random.nextInt(6));
            double[] x = RandomTrees.row(random, features);
            double[] phi = new double[features];
            new TreeShap(tree.depth()).add(tree, tree.leaf1(), x, 1, phi);
            double[] exact = bruteForce(tree, x, features);
            for (int j = 0; j < features; j++) assertThat(phi[j]).as("trial %d feature %d", trial, j).isCloseTo(exact[j], within(EPS));
            double sum = TreeShap.expected(tree, tree.leaf1());
            for (double v : phi) sum += v;
            assertThat(sum).isCloseTo(tree.leaf1()[tree.leaf(x)], within(EPS));
        }
    }

    @Test
    void aFeatureNoSplitUsesGetsNothingAndScaleMultiplies() {
        SplittableRandom random = new SplittableRandom(3);
        TreeEnsemble.Tree tree = RandomTrees.tree(random, 3, 4);
        double[] x = RandomTrees.row(random, 5);
        double[] once = new double[5], thrice = new double[5];
        TreeShap shap = new TreeShap(tree.depth());
        shap.add(tree, tree.leaf1(), x, 1, once);
        shap.add(tree, tree.leaf1(), x, 3, thrice);
        assertThat(once[3]).isZero();
        assertThat(once[4]).isZero();
        for (int j = 0; j < 5; j++) assertThat(thrice[j]).isCloseTo(3 * once[j], within(EPS));
    }

    @Test
    void ensemblesAddUpToTheirLogOdds() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            int features = 1 + random.nextInt(8);
            TreeEnsemble.Tree[] trees = new TreeEnsemble.Tree[1 + random.nextInt(10)];
            for (int t = 0; t < trees.length; t++) trees[t] = RandomTrees.tree(random, features, 1 + random.nextInt(5));
            double[] x = RandomTrees.row(random, features);
            TreeEnsemble boosted = new TreeEnsemble(true, random.nextDouble() - 0.5, 0.3, new double[0], trees);
            double[] phi = new double[features];
            double base = boosted.shap(x, phi);
            double[] exact = new double[features];
            double expected = boosted.intercept();
            for (TreeEnsemble.Tree t : trees) {
                double[] e = bruteForce(t, x, features);
                for (int j = 0; j < features; j++) exact[j] += 2 * 0.3 * e[j];
                expected += 0.3 * TreeShap.expected(t, t.leaf1());
            }
            assertThat(base).isCloseTo(2 * expected, within(EPS));
            for (int j = 0; j < features; j++) assertThat(phi[j]).isCloseTo(exact[j], within(1e-9));
            assertThat(base + sum(phi)).isCloseTo(Sigmoid.logit(boosted.probability(x)), within(1e-9));

            TreeEnsemble.Tree[] probabilities = new TreeEnsemble.Tree[trees.length];
            double[] weight = new double[trees.length];
            for (int t = 0; t < trees.length; t++) {
                probabilities[t] = RandomTrees.asProbabilities(trees[t]);
                weight[t] = 1;
            }
            TreeEnsemble forest = new TreeEnsemble(false, 0, 0, weight, probabilities);
            double[] fphi = new double[features];
            double fbase = forest.shap(x, fphi);
            assertThat(fbase + sum(fphi)).isCloseTo(Sigmoid.logit(forest.probability(x)), within(1e-9));
            // One factor takes the average probability's values to the log-odds: same signs, same proportions.
            double[] mean = new double[features];
            for (TreeEnsemble.Tree t : probabilities) {
                double[] e = bruteForce(t, x, features);
                for (int j = 0; j < features; j++) mean[j] += e[j] / trees.length;
            }
            double factor = sum(fphi) / sum(mean);
            if (Math.abs(sum(mean)) > 1e-6) for (int j = 0; j < features; j++) assertThat(fphi[j]).isCloseTo(factor * mean[j], within(1e-9));
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s;
    }

    /** phi_i = sum over coalitions S without i of |S|!(M-|S|-1)!/M! (v(S+i) - v(S)). */
    static double[] bruteForce(TreeEnsemble.Tree t, double[] x, int features) {
        double[] v = new double[1 << features];
        for (int s = 0; s < v.length; s++) v[s] = value(t, x, s, 0);
        double[] phi = new double[features];
        for (int s = 0; s < v.length; s++) {
            int size = Integer.bitCount(s);
            for (int i = 0; i < features; i++) {
                if ((s & 1 << i) != 0) continue;
                phi[i] += factorial(size) * factorial(features - size - 1) / factorial(features) * (v[s | 1 << i] - v[s]);
            }
        }
        return phi;
    }

    /** The path-dependent expectation of the tree given the features in the coalition. */
    private static double value(TreeEnsemble.Tree t, double[] x, int coalition, int node) {
        int f = t.feature()[node];
        if (f < 0) return t.leaf1()[node];
        if ((coalition & 1 << f) != 0) return value(t, x, coalition, x[f] <= t.threshold()[node] ? t.yes()[node] : t.no()[node]);
        int yes = t.yes()[node], no = t.no()[node];
        return (t.cover()[yes] * value(t, x, coalition, yes) + t.cover()[no] * value(t, x, coalition, no)) / t.cover()[node];
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) f *= i;
        return f;
    }
}
