package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShapTablesTest {

    @Test
    void tablesGiveWhatTheWalkGivesOnEveryRowEvenOnAThreshold() {
        SplittableRandom random = new SplittableRandom(17);
        int tabled = 0, linear = 0, walked = 0;
        for (int trial = 0; trial < 200; trial++) {
            // Every tenth ensemble has deep trees over many features: more cases than a long can count; every fifth
            // has a forest's trees, eight splits deep; both are worked out in linear time.
            boolean wide = trial % 10 == 0, forest = trial % 10 == 5;
            int features = wide || forest ? 200 : 1 + random.nextInt(12);
            TreeEnsemble.Tree[] trees = new TreeEnsemble.Tree[1 + random.nextInt(12)];
            for (int t = 0; t < trees.length; t++) {
                trees[t] = RandomTrees.tree(random, features, wide ? 12 : forest ? 8 : 1 + random.nextInt(7));
            }
            double[] weight = new double[trees.length];
            TreeEnsemble.Tree[] probabilities = new TreeEnsemble.Tree[trees.length];
            for (int t = 0; t < trees.length; t++) {
                weight[t] = 1 + random.nextInt(3);
                probabilities[t] = RandomTrees.asProbabilities(trees[t]);
            }
            for (TreeEnsemble e : new TreeEnsemble[] {new TreeEnsemble(true, random.nextDouble() - 0.5, 0.3, new double[0], trees),
                    new TreeEnsemble(false, 0, 0, weight, probabilities)}) {
                ShapTables tables = new ShapTables(e);
                tabled += tables.tabled();
                linear += tables.linear();
                walked += e.trees().length - tables.tabled() - tables.linear();
                for (int r = 0; r < 20; r++) {
                    double[] x = RandomTrees.row(random, features);
                    // Now and then a value exactly at one of the thresholds, where x <= threshold goes the yes way.
                    TreeEnsemble.Tree t = e.trees()[random.nextInt(e.trees().length)];
                    int n = random.nextInt(t.nodes());
                    if (t.feature()[n] >= 0 && random.nextBoolean()) x[t.feature()[n]] = t.threshold()[n];
                    double[] walk = new double[features], table = new double[features];
                    double base = e.shap(x, walk);
                    assertThat(e.shap(x, table, tables)).isCloseTo(base, within(1e-9));
                    for (int j = 0; j < features; j++) assertThat(table[j]).isCloseTo(walk[j], within(1e-9));
                }
            }
        }
        assertThat(tabled).as("small trees answer from tables").isGreaterThan(100);
        assertThat(linear).as("trees with too many cases are worked out in linear time").isGreaterThan(10);
        assertThat(walked).as("no tree is left to the walk").isZero();
    }
}
