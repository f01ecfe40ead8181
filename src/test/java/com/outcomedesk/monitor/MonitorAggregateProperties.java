package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Properties of the aggregates on any input. */
class MonitorAggregateProperties {

    @Property
    void delongAucEqualsTheShareOfCorrectlyOrderedPairs(@ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1) Double> w,
                                                         @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1) Double> b) {
        double[] worse = sorted(w), better = sorted(b);
        double pairs = 0;
        for (double x : worse) for (double y : better) pairs += x > y ? 1 : x == y ? 0.5 : 0;
        Estimate auc = Auc.of(Histograms.of(worse, better));
        assertThat(auc.value()).isCloseTo(pairs / (worse.length * (double) better.length), within(1e-9));
        assertThat(auc.low()).isBetween(0.0, auc.value());
        assertThat(auc.high()).isBetween(auc.value(), 1.0);
    }

    @Property
    void decilesPartitionTheCasesInRankOrder(@ForAll @Size(max = 60) List<@DoubleRange(min = 0, max = 1) Double> w,
                                             @ForAll @Size(max = 60) List<@DoubleRange(min = 0, max = 1) Double> b) {
        List<Deciles.Decile> d = Deciles.of(Histograms.of(sorted(w), sorted(b)));
        assertThat(d.stream().mapToLong(Deciles.Decile::cases).sum()).isEqualTo(w.size() + b.size());
        assertThat(d.stream().mapToLong(x -> Math.round(x.observed().value() * x.cases())).sum()).isEqualTo(w.size());
        for (int i = 1; i < d.size(); i++) assertThat(d.get(i).meanPredicted()).isGreaterThanOrEqualTo(d.get(i - 1).meanPredicted());
    }

    @Property
    void psiIsNeverNegativeAndZeroOnlyForTheSameShares(@ForAll @Size(min = 2, max = 10) List<@DoubleRange(min = 0.01, max = 1) Double> raw) {
        double[] e = normalised(raw);
        double[] a = e.clone();
        assertThat(Psi.of(e, a)).isZero();
        double[] reversed = new double[a.length];
        for (int i = 0; i < a.length; i++) reversed[i] = a[a.length - 1 - i];
        assertThat(Psi.of(e, reversed)).isGreaterThanOrEqualTo(0);
    }

    @Property
    void groupingPartitionsThePredictions(@ForAll @Size(max = 80) List<@DoubleRange(min = 0, max = 1) Double> p) {
        Scores all = new Scores();
        Scores[] groups = {new Scores(), new Scores(), new Scores()};
        for (int i = 0; i < p.size(); i++) {
            Boolean worse = i % 3 == 0 ? null : p.get(i) > 0.4;
            all.add(p.get(i), Scores.TIERS[i % 3], worse, false);
            groups[(int) (p.get(i) * 2.999)].add(p.get(i), Scores.TIERS[i % 3], worse, false);
        }
        LivePerformance whole = all.performance("all", null);
        long predictions = 0, withOutcome = 0;
        for (Scores g : groups) {
            predictions += g.predictions();
            withOutcome += g.performance("x", "g").withOutcome();
        }
        assertThat(predictions).isEqualTo(whole.predictions()).isEqualTo(p.size());
        assertThat(withOutcome).isEqualTo(whole.withOutcome());
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double[] normalised(List<Double> values) {
        double sum = values.stream().mapToDouble(Double::doubleValue).sum();
        return values.stream().mapToDouble(v -> v / sum).toArray();
    }
}
