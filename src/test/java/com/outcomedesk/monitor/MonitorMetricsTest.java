package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each metric against figures worked out by hand on small inputs. */
class MonitorMetricsTest {

    @Test
    void aucAndItsDeLongIntervalMatchTheHandComputedPlacements() {
        // pairs: 0.2 beats 0.1 (1); 0.6 beats 0.1 and 0.4 and ties 0.6 (2.5); 0.8 beats all (3): 6.5 of 9
        Estimate auc = Auc.of(Histograms.of(new double[] {0.2, 0.6, 0.8}, new double[] {0.1, 0.4, 0.6}));
        assertThat(auc.value()).isCloseTo(6.5 / 9, within(1e-12));
        // placements 1/3, 5/6, 1 and 1, 2/3, 1/2: variances 39/324 and 21/324, each over 3 cases
        double se = Math.sqrt((39.0 / 324 + 21.0 / 324) / 3);
        assertThat(auc.low()).isCloseTo(6.5 / 9 - 1.959964 * se, within(1e-5));
        assertThat(auc.high()).isEqualTo(1.0);
        assertThat(auc.method()).isEqualTo("DeLong");
    }

    @Test
    void aucIsUnmeasuredWithOneClass() {
        assertThat(Auc.of(Histograms.of(new double[] {0.3}, new double[0]))).isNull();
    }

    @Test
    void brierAccuracyAndObservedRateOfAPeriod() {
        Scores s = new Scores();
        s.add(0.8, "high", true, false);
        s.add(0.6, "high", true, false);
        s.add(0.3, "medium", false, false);
        s.add(0.1, "low", null, true);
        LivePerformance p = s.performance("2026-03", null);
        assertThat(p.predictions()).isEqualTo(4);
        assertThat(p.withOutcome()).isEqualTo(3);
        assertThat(p.fallback()).isEqualTo(1);
        assertThat(p.brier().value()).isCloseTo((0.04 + 0.16 + 0.09) / 3, within(1e-12));
        assertThat(p.accuracy().value()).isEqualTo(1.0);
        assertThat(p.observedWorseRate().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(p.tierMix().get("high").value()).isEqualTo(0.5);
        assertThat(p.tierMix().get("low").value()).isEqualTo(0.25);
    }

    @Test
    void wilsonIntervalOfEightInTen() {
        Estimate e = Estimate.wilson(8, 10);
        assertThat(e.low()).isCloseTo(0.4902, within(1e-4));
        assertThat(e.high()).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void psiOfAShiftFromHalvesToQuarters() {
        double expected = -0.25 * Math.log(0.5) + 0.25 * Math.log(1.5);
        assertThat(Psi.of(new double[] {0.5, 0.5}, new double[] {0.25, 0.75})).isCloseTo(expected, within(1e-12));
        assertThat(Psi.ofCounts(Map.of("dr_a", 50L, "dr_b", 50L), Map.of("dr_a", 25L, "dr_b", 75L)))
                .isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(0.274653, within(1e-6));
    }

    @Test
    void psiOfAContinuousValueIsZeroForTheSameSampleAndLargeForAShiftedOne() {
        double[] ref = new double[1000], shifted = new double[1000];
        for (int i = 0; i < 1000; i++) {
            ref[i] = i / 1000.0;
            shifted[i] = Math.min(0.999, 0.5 + i / 2000.0);
        }
        assertThat(Psi.of(Histograms.unlabelled(ref), Histograms.unlabelled(ref))).isZero();
        assertThat(Psi.of(Histograms.unlabelled(ref), Histograms.unlabelled(shifted))).isGreaterThan(1);
    }

    @Test
    void kolmogorovSmirnovStatisticAndPValue() {
        KolmogorovSmirnov ks = KolmogorovSmirnov.of(Histograms.unlabelled(new double[] {1, 2, 3, 4}),
                Histograms.unlabelled(new double[] {3, 4, 5, 6}));
        assertThat(ks.statistic()).isEqualTo(0.5);
        // en = sqrt(2), lambda = (en + 0.12 + 0.11 / en) * 0.5; Q = 2 (e^-2l^2 - e^-8l^2 + ...)
        assertThat(ks.pValue()).isCloseTo(0.5344, within(1e-3));
        assertThat(KolmogorovSmirnov.q(0)).isEqualTo(1);
    }

    @Test
    void calibrationFitRecoversAKnownSlopeAndIntercept() {
        // outcomes drawn exactly (in proportion) from logit P = 0.5 + 2 logit(p)
        List<Double> worse = new ArrayList<>(), better = new ArrayList<>();
        for (int i = 1; i < 20; i++) {
            double p = i / 20.0;
            double x = Math.log(p / (1 - p));
            double truth = 1 / (1 + Math.exp(-(0.5 + 2 * x)));
            long w = Math.round(truth * 10_000);
            for (long k = 0; k < w; k++) worse.add(p);
            for (long k = w; k < 10_000; k++) better.add(p);
        }
        CalibrationFit fit = CalibrationFit.of(Histograms.of(worse.stream().mapToDouble(d -> d).toArray(),
                better.stream().mapToDouble(d -> d).toArray()));
        assertThat(fit.slope().value()).isCloseTo(2, within(0.01));
        assertThat(fit.intercept().value()).isCloseTo(0.5, within(0.01));
        assertThat(fit.slope().low()).isLessThan(2).isGreaterThan(1.9);
    }

    @Test
    void decilesCutRankedCasesInTenEqualParts() {
        double[] worse = new double[10], better = new double[10];
        for (int i = 0; i < 10; i++) {
            better[i] = i / 20.0;          // 0.00 .. 0.45
            worse[i] = 0.5 + i / 20.0;     // 0.50 .. 0.95
        }
        List<Deciles.Decile> d = Deciles.of(Histograms.of(worse, better));
        assertThat(d).hasSize(10).allSatisfy(x -> assertThat(x.cases()).isEqualTo(2));
        assertThat(d.get(0).observed().value()).isZero();
        assertThat(d.get(0).meanPredicted()).isCloseTo(0.025, within(1e-12));
        assertThat(d.get(9).observed().value()).isEqualTo(1.0);
    }
}
