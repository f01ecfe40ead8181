package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/** The trees as arrays predict exactly what the Smile classifier they came from predicts. */
class TreeEnsembleTest {
    @Property(tries = 6)
    void arraysPredictExactlyAsSmileDoes(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = 300, columns = 6;
        double[][] x = new double[rows][columns];
        int[] y = new int[rows];
        String[] names = new String[columns];
        for (int c = 0; c < columns; c++) names[c] = "c" + c;
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < columns; c++) x[i][c] = c < 3 ? r.nextInt(2) : r.nextDouble() * 12;
            y[i] = x[i][0] + x[i][3] / 12 + r.nextDouble() > 1.3 ? 1 : 0;
        }
        DataFrame frame = DataFrame.of(x, names).merge(IntVector.of("y", y));
        Formula formula = Formula.lhs("y");
        RandomForest forest = RandomForest.fit(formula, frame, 20, 2, smile.base.cart.SplitRule.GINI, 10, 64, 5, 1.0);
        GradientTreeBoost gbm = GradientTreeBoost.fit(formula, frame, 20, 3, 8, 5, 0.1, 0.7);
        assertSame(forest, TreeEnsemble.of(forest), frame, x);
        assertSame(gbm, TreeEnsemble.of(gbm, 0.1), frame, x);
    }

    private static void assertSame(DataFrameClassifier smile, TreeEnsemble arrays, DataFrame frame, double[][] x) {
        double[] posterior = new double[2];
        for (int i = 0; i < x.length; i++) {
            smile.predict(frame.get(i), posterior);
            assertThat(arrays.probability(x[i])).isEqualTo(posterior[1]);
        }
    }
}
