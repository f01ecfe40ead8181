package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** AUC and log loss as the model screens report them (Smile computes them; these pin what we rely on). */
class BinaryMetricsTest {
    record Fold(int[] y, double[] p) {
    }

    @Example
    void tiedScoresGetHalfCredit() {
        int[] y = {0, 1, 0, 1, 1, 0};
        double[] p = {0.2, 0.2, 0.5, 0.5, 0.9, 0.1};
        assertThat(BinaryMetrics.auc(y, p)).isEqualTo(7.0 / 9);
    }

    @Example
    void aFoldWithOneClassScoresAsChance() {
        assertThat(BinaryMetrics.auc(new int[] {1, 1}, new double[] {0.3, 0.8})).isEqualTo(0.5);
        assertThat(BinaryMetrics.auc(new int[] {0, 0}, new double[] {0.3, 0.8})).isEqualTo(0.5);
    }

    @Example
    void aCertainWrongProbabilityCostsAFiniteLoss() {
        BinaryMetrics m = BinaryMetrics.of(new int[] {1, 0}, new double[] {0.0, 1.0});
        // 1 - 1e-15 is the nearest double, so the second term is not quite -log(1e-15)
        assertThat(m.logLoss()).isCloseTo((-Math.log(1e-15) - Math.log(1 - (1 - 1e-15))) / 2, within(1e-12));
        assertThat(m.auc()).isEqualTo(0.0);
    }

    @Property(tries = 500)
    void aucIsTheShareOfPositiveNegativePairsRankedRight(@ForAll("folds") Fold f) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < f.y.length; i++) {
            for (int j = 0; j < f.y.length; j++) {
                if (f.y[i] != 1 || f.y[j] != 0) continue;
                pairs++;
                wins += f.p[i] > f.p[j] ? 1 : f.p[i] == f.p[j] ? 0.5 : 0;
            }
        }
        assertThat(BinaryMetrics.auc(f.y, f.p)).isCloseTo(pairs == 0 ? 0.5 : wins / pairs, within(1e-12));
    }

    @Property(tries = 500)
    void logLossIsTheMeanClippedNegativeLogLikelihood(@ForAll("folds") Fold f) {
        double sum = 0;
        for (int i = 0; i < f.y.length; i++) {
            double q = Math.min(1 - 1e-15, Math.max(1e-15, f.p[i]));
            sum -= Math.log(f.y[i] == 1 ? q : 1 - q);
        }
        assertThat(BinaryMetrics.of(f.y, f.p).logLoss()).isCloseTo(sum / f.y.length, within(1e-12));
    }

    @Provide
    Arbitrary<Fold> folds() {
        return Arbitraries.integers().between(1, 200).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n),
                // few distinct values: many ties, and the extremes that log loss clips
                Arbitraries.of(0.0, 1.0, 0.1, 0.25, 0.5, 0.75, 0.9).array(double[].class).ofSize(n))
                .as(Fold::new));
    }
}
