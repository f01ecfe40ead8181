package com.outcomedesk.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import smile.stat.distribution.GaussianDistribution;

/**
 * Case-mix adjustment by indirect standardisation. A doctor's expected number of worse outcomes is the sum, over
 * their patients, of the prediction model's probability of worse from the summary and date alone (no doctor
 * effect), scaled so that expected equals observed over all doctors. The observed/expected ratio then compares a
 * doctor with what an average doctor would have had with the same patients: a doctor with sicker patients is not
 * flagged for it. Limits and flags as on the funnel: 95% and 99.8% limits around 1 with the between-doctor
 * variance ({@link Overdispersion}, so outliers do not widen them) added; an outlier is outside the 99.8% limits
 * with a Holm-adjusted p below 0.05; doctors under the minimum case count are shown but not assessed.
 */
public final class CaseMixAnalysis {
    private static final GaussianDistribution NORMAL = GaussianDistribution.getInstance();

    /** One doctor's patients as counted while streaming: cases, worse outcomes, sum of p and of p(1-p). */
    public static final class Tally {
        long cases;
        long worse;
        double expected;
        double variance;

        public void add(double probabilityOfWorse, boolean wasWorse) {
            cases++;
            if (wasWorse) worse++;
            expected += probabilityOfWorse;
            variance += probabilityOfWorse * (1 - probabilityOfWorse);
        }
    }

    /** A doctor's observed and expected worse outcomes, their ratio, its limits, and whether it stands out. */
    public record Row(String doctorId, long cases, long observedWorse, double expectedWorse, double ratio,
                      double lower95, double upper95, double lower998, double upper998, Double adjustedP,
                      Outlier outlier) {
    }

    /** {@code model} names what gave the expected rates; {@code scale} is observed over the model's expected. */
    public record Report(String model, long cases, long observedWorse, double scale, double tau2, int minCases,
                         List<Row> rows) {
    }

    private CaseMixAnalysis() {
    }

    /** Rows ordered by ratio, lowest (fewest worse outcomes for the case mix) first. */
    public static Report analyse(Map<String, Tally> tallies, String model, int minCases) {
        long cases = 0;
        long worse = 0;
        double expected = 0;
        for (Tally t : tallies.values()) {
            cases += t.cases;
            worse += t.worse;
            expected += t.expected;
        }
        double scale = expected > 0 ? worse / expected : 1;
        List<Measure> measures = new ArrayList<>();
        tallies.forEach((doctor, t) -> {
            if (t.cases > 0) measures.add(Measure.of(doctor, t, scale));
        });
        List<Measure> assessed = measures.stream().filter(m -> m.tally.cases >= minCases && m.sd > 0).toList();
        double tau2 = overdispersion(assessed);
        double[] p = assessed.stream().mapToDouble(m -> 2 * (1 - NORMAL.cdf(Math.abs(m.z(tau2))))).toArray();
        double[] adjusted = FunnelAnalysis.holm(p);

        List<Row> rows = new ArrayList<>();
        for (Measure m : measures) {
            int i = assessed.indexOf(m);
            Double adjustedP = i < 0 ? null : adjusted[i];
            double sd = Math.sqrt(m.sd * m.sd + tau2);
            Outlier outlier = null;
            if (adjustedP != null && Math.abs(m.z(tau2)) > FunnelAnalysis.Z998 && adjustedP < FunnelAnalysis.FAMILY_ALPHA) {
                outlier = m.ratio > 1 ? Outlier.BAD : Outlier.GOOD;
            }
            rows.add(new Row(m.doctorId, m.tally.cases, m.tally.worse, m.expected, m.ratio,
                    Math.max(0, 1 - FunnelAnalysis.Z95 * sd), 1 + FunnelAnalysis.Z95 * sd,
                    Math.max(0, 1 - FunnelAnalysis.Z998 * sd), 1 + FunnelAnalysis.Z998 * sd, adjustedP, outlier));
        }
        rows.sort(Comparator.comparingDouble(Row::ratio).thenComparing(Row::doctorId));
        return new Report(model, cases, worse, scale, tau2, minCases, List.copyOf(rows));
    }

    /** The ratio O/E and its standard error sqrt(V)/E under the model, with expected scaled to the observed total. */
    private record Measure(String doctorId, Tally tally, double expected, double ratio, double sd) {
        static Measure of(String doctor, Tally t, double scale) {
            double e = t.expected * scale;
            double v = t.variance * scale;
            return new Measure(doctor, t, e, e > 0 ? t.worse / e : 1, e > 0 ? Math.sqrt(v) / e : 0);
        }

        double z(double tau2) {
            return (ratio - 1) / Math.sqrt(sd * sd + tau2);
        }
    }

    /** The between-doctor variance of ratios around 1 (see {@link Overdispersion}). */
    private static double overdispersion(List<Measure> measures) {
        double[] ratio = measures.stream().mapToDouble(Measure::ratio).toArray();
        double[] variance = measures.stream().mapToDouble(m -> m.sd() * m.sd()).toArray();
        return Overdispersion.tau2(ratio, variance, 1);
    }
}
