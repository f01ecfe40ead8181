package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random trees with consistent cover counts (a split's children share its rows), in pre-order, for the TreeSHAP tests. */
final class RandomTrees {
    private RandomTrees() {
    }

    static TreeEnsemble.Tree tree(SplittableRandom random, int features, int maxDepth) {
        List<double[]> nodes = new ArrayList<>(); // feature, threshold, yes, no, value, cover
        grow(random, features, maxDepth, nodes);
        int n = nodes.size();
        int[] feature = new int[n], yes = new int[n], no = new int[n], cover = new int[n];
        double[] threshold = new double[n], leaf1 = new double[n];
        for (int i = 0; i < n; i++) {
            double[] d = nodes.get(i);
            feature[i] = (int) d[0];
            threshold[i] = d[1];
            yes[i] = (int) d[2];
            no[i] = (int) d[3];
            leaf1[i] = d[4];
            cover[i] = (int) d[5];
        }
        return new TreeEnsemble.Tree(feature, threshold, yes, no, new double[n], leaf1, cover);
    }

    /** Grows a subtree and returns its root's index; leaves get 1..20 rows, splits the sum of their children's. */
    private static int grow(SplittableRandom random, int features, int depth, List<double[]> nodes) {
        int at = nodes.size();
        double[] node = new double[6];
        nodes.add(node);
        if (depth == 0 || random.nextInt(4) == 0) {
            node[0] = -1;
            node[4] = random.nextDouble() * 2 - 1;
            node[5] = 1 + random.nextInt(20);
            return at;
        }
        node[0] = random.nextInt(features);
        node[1] = random.nextInt(3) == 0 ? 0.5 : random.nextDouble();
        node[2] = grow(random, features, depth - 1, nodes);
        node[3] = grow(random, features, depth - 1, nodes);
        node[5] = nodes.get((int) node[2])[5] + nodes.get((int) node[3])[5];
        return at;
    }

    /** A row of 0/1 values and fractions, so that splits at 0.5 and at random thresholds both go either way. */
    static double[] row(SplittableRandom random, int features) {
        double[] x = new double[features];
        for (int j = 0; j < features; j++) x[j] = random.nextBoolean() ? random.nextInt(2) : random.nextDouble();
        return x;
    }

    /** The same tree with its leaves turned into forest leaves: class probabilities that add up to 1. */
    static TreeEnsemble.Tree asProbabilities(TreeEnsemble.Tree t) {
        double[] leaf0 = new double[t.nodes()], leaf1 = new double[t.nodes()];
        for (int i = 0; i < t.nodes(); i++) {
            leaf1[i] = (t.leaf1()[i] + 1) / 2;
            leaf0[i] = 1 - leaf1[i];
        }
        return new TreeEnsemble.Tree(t.feature(), t.threshold(), t.yes(), t.no(), leaf0, leaf1, t.cover());
    }
}
