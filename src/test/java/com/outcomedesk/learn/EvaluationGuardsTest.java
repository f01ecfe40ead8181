package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.outcomedesk.common.ProgressListener;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvaluationGuardsTest {

    @Test
    void selectedModelComesWithin001OfTheTrueProbabilitiesAt20000Records() {
        LearnFixtures.Demo demo = LearnFixtures.demo(20_000, 11);
        TrainingRequest request = TrainingRequest.defaults().withAlgorithm(TrainingRequest.Algorithm.LOGREG);
        Evaluation evaluation = new Evaluator(demo.data(), request, ProgressListener.NONE).evaluate();
        assertThat(evaluation.selected()).isEqualTo("logreg");

        // The best any model can do, on exactly the same held-out folds.
        int[] y = demo.data().worseLabels();
        Folds folds = Folds.stratified(y, request.folds(), 1, request.seed());
        double truthAuc = 0;
        for (int f = 0; f < folds.k(); f++) {
            int[] test = folds.test(0, f);
            double[] p = new double[test.length];
            int[] t = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                p[i] = demo.truth()[test[i]];
                t[i] = y[test[i]];
            }
            truthAuc += BinaryMetrics.auc(t, p) / folds.k();
        }
        assertThat(evaluation.selectedResult().auc()).isGreaterThan(truthAuc - 0.01).isLessThanOrEqualTo(truthAuc + 0.01);
        assertThat(evaluation.candidate("majority").auc()).isEqualTo(0.5);
    }

    @Test
    void shuffledLabelsScoreAucNearOneHalf() {
        Dataset shuffled = LearnFixtures.demo(6_000, 3).data().withShuffledLabels(99);
        Evaluation evaluation = new Evaluator(shuffled, TrainingRequest.defaults().withAlgorithm(TrainingRequest.Algorithm.LOGREG),
                ProgressListener.NONE).evaluate();
        assertThat(evaluation.candidate("logreg").auc()).isCloseTo(0.5, within(0.03));
        assertThat(evaluation.candidate("doctor-rate").auc()).isCloseTo(0.5, within(0.03));
    }

    @Test
    void foldsAreStratifiedSeededAndCoverEveryRowOnce() {
        int[] y = new int[1003];
        for (int i = 0; i < y.length; i++) y[i] = i % 3 == 0 ? 1 : 0;
        Folds a = Folds.stratified(y, 5, 2, 7), b = Folds.stratified(y, 5, 2, 7);
        int covered = 0;
        for (int f = 0; f < 5; f++) {
            assertThat(a.test(1, f)).isEqualTo(b.test(1, f));
            int[] test = a.test(0, f);
            covered += test.length;
            long worse = Arrays.stream(test).filter(r -> y[r] == 1).count();
            assertThat(worse).isBetween(334L / 5, 334L / 5 + 1);
            assertThat(test.length + a.train(0, f).length).isEqualTo(y.length);
        }
        assertThat(covered).isEqualTo(y.length);
        assertThat(a.test(0, 0)).isNotEqualTo(a.test(1, 0));
    }

    @Test
    void metricsMatchHandComputedValues() {
        int[] y = {0, 0, 1, 1};
        double[] p = {0.1, 0.6, 0.4, 0.9};
        BinaryMetrics m = BinaryMetrics.of(y, p);
        assertThat(m.auc()).isEqualTo(0.75);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.confusion()).isEqualTo(new long[][] {{1, 1}, {1, 1}});
        assertThat(m.brier()).isCloseTo((0.01 + 0.36 + 0.36 + 0.01) / 4, within(1e-12));
        Interval i = Interval.of(new double[] {1, 2, 3});
        assertThat(i.mean()).isEqualTo(2);
        assertThat(i.high() - i.mean()).isCloseTo(4.303 / Math.sqrt(3), within(1e-9));
    }

    @Test
    void plattScalingRepairsOverconfidentProbabilities() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int n = 20_000;
        int[] y = new int[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            double z = random.nextDouble(-2, 2);
            y[i] = random.nextDouble() < Sigmoid.of(z) ? 1 : 0;
            raw[i] = Sigmoid.of(3 * z); // three times too confident
        }
        Calibration c = Calibration.fit(y, raw);
        assertThat(c.a()).isCloseTo(1 / 3.0, within(0.05));
        double[] calibrated = Arrays.stream(raw).map(c::apply).toArray();
        assertThat(BinaryMetrics.of(y, calibrated).logLoss()).isLessThan(BinaryMetrics.of(y, raw).logLoss());
    }
}
