package com.outcomedesk.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.math.special.Beta;
import smile.stat.distribution.GaussianDistribution;

/**
 * Funnel plot of each doctor's rate of worse outcomes against case count (Spiegelhalter 2005).
 * <ul>
 * <li>Binomial control limits at 95% and 99.8% around the overall rate p0: p0 +- z sqrt(p0(1-p0)/n).</li>
 * <li>Real practices differ a little even without an outlier (overdispersion), which with thousands of
 *     cases would put ordinary doctors outside binomial limits. The between-doctor variance tau^2 is
 *     therefore estimated (DerSimonian-Laird, see {@link Overdispersion}, so outliers do not inflate it)
 *     and added to the binomial variance: the flagging limits widen only when the data show it.</li>
 * <li>A doctor is an outlier when outside the 99.8% limits AND the two-sided p-value, Holm-adjusted over
 *     all assessed doctors, is below 0.05; doctors under {@code minCases} are not assessed at all.</li>
 * <li>Empirical-Bayes (beta-binomial, method of moments) shrunken rates with 95% intervals.</li>
 * </ul>
 */
public final class FunnelAnalysis {
    static final double Z95 = 1.959963984540054;
    static final double Z998 = 3.090232306167813;
    static final double FAMILY_ALPHA = 0.05;
    private static final int CURVE_POINTS = 60;
    private static final GaussianDistribution NORMAL = GaussianDistribution.getInstance();

    /** One doctor on the funnel. {@code lower}/{@code upper}: 95% interval of the shrunken rate. */
    public record Estimate(String doctorId, long cases, long worse, double rate, double shrunkRate, double lower,
                           double upper, double controlLower, double controlUpper, double z, Double adjustedP,
                           Outlier outlier) {
    }

    /**
     * The whole funnel: {@code binomialLimits} are the plain binomial curves, {@code limits} the ones used for
     * flagging (equal to them when tau^2 is 0). {@code priorStrength} is alpha + beta of the beta prior.
     */
    public record Result(double overallRate, long totalCases, double tau2, double priorStrength, int minCases,
                         List<FunnelLimit> binomialLimits, List<FunnelLimit> limits, Map<String, Estimate> doctors) {
    }

    private final int minCases;

    public FunnelAnalysis(int minCases) {
        if (minCases < 1) throw new IllegalArgumentException("minCases must be at least 1");
        this.minCases = minCases;
    }

    public Result analyse(List<DoctorOutcomes> outcomes) {
        List<DoctorOutcomes> doctors = outcomes.stream().filter(d -> d.cases() > 0).toList();
        long total = doctors.stream().mapToLong(DoctorOutcomes::cases).sum();
        long worse = doctors.stream().mapToLong(DoctorOutcomes::worse).sum();
        if (total == 0) return new Result(Double.NaN, 0, 0, 0, minCases, List.of(), List.of(), Map.of());
        double p0 = (double) worse / total;
        List<DoctorOutcomes> assessed = doctors.stream().filter(d -> d.cases() >= minCases).toList();
        double tau2 = overdispersion(assessed, p0);
        double prior = priorStrength(doctors, p0, total);
        double alpha = p0 * prior;
        double beta = (1 - p0) * prior;

        double[] p = new double[assessed.size()];
        for (int i = 0; i < p.length; i++) p[i] = 2 * (1 - NORMAL.cdf(Math.abs(z(assessed.get(i), p0, tau2))));
        double[] adjusted = holm(p);
        Map<String, Double> adjustedByDoctor = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) adjustedByDoctor.put(assessed.get(i).doctorId(), adjusted[i]);

        Map<String, Estimate> estimates = new LinkedHashMap<>();
        for (DoctorOutcomes d : doctors) {
            long n = d.cases();
            long y = d.worse();
            double rate = (double) y / n;
            double sd = Math.sqrt(p0 * (1 - p0) / n + tau2);
            double z = z(d, p0, tau2);
            Double adjustedP = adjustedByDoctor.get(d.doctorId());
            Outlier outlier = null;
            if (adjustedP != null && Math.abs(z) > Z998 && adjustedP < FAMILY_ALPHA) {
                outlier = rate > p0 ? Outlier.BAD : Outlier.GOOD;
            }
            double a = alpha + y;
            double b = beta + n - y;
            estimates.put(d.doctorId(), new Estimate(d.doctorId(), n, y, rate, a / (a + b),
                    Beta.inverseRegularizedIncompleteBetaFunction(a, b, 0.025),
                    Beta.inverseRegularizedIncompleteBetaFunction(a, b, 0.975),
                    clamp(p0 - Z998 * sd), clamp(p0 + Z998 * sd), z, adjustedP, outlier));
        }
        long maxCases = doctors.stream().mapToLong(DoctorOutcomes::cases).max().orElse(minCases);
        return new Result(p0, total, tau2, prior, minCases, curve(p0, 0, maxCases), curve(p0, tau2, maxCases), estimates);
    }

    private static double z(DoctorOutcomes d, double p0, double tau2) {
        double variance = p0 * (1 - p0) / d.cases() + tau2;
        return variance > 0 ? ((double) d.worse() / d.cases() - p0) / Math.sqrt(variance) : 0;
    }

    /** The between-doctor variance of rates around p0 (see {@link Overdispersion}). */
    static double overdispersion(List<DoctorOutcomes> doctors, double p0) {
        if (p0 <= 0 || p0 >= 1) return 0;
        double[] rate = doctors.stream().mapToDouble(d -> (double) d.worse() / d.cases()).toArray();
        double[] variance = doctors.stream().mapToDouble(d -> p0 * (1 - p0) / d.cases()).toArray();
        return Overdispersion.tau2(rate, variance, p0);
    }

    /**
     * alpha + beta of the beta prior by the method of moments: the between-doctor variance of true rates is the
     * observed variance minus the binomial part. Capped at the total case count (no prior outweighs all the data).
     */
    static double priorStrength(List<DoctorOutcomes> doctors, double p0, long total) {
        int k = doctors.size();
        if (k < 2 || p0 <= 0 || p0 >= 1) return total;
        double mean = 0;
        double inverseN = 0;
        for (DoctorOutcomes d : doctors) {
            mean += (double) d.worse() / d.cases();
            inverseN += 1.0 / d.cases();
        }
        mean /= k;
        inverseN /= k;
        double ss = 0;
        for (DoctorOutcomes d : doctors) ss += Math.pow((double) d.worse() / d.cases() - mean, 2);
        double between = ss / (k - 1) - p0 * (1 - p0) * inverseN;
        if (between <= 0) return total;
        return Math.max(1e-6, Math.min(total, p0 * (1 - p0) / between - 1));
    }

    /** Holm step-down adjustment, returned in the input order. */
    static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    private List<FunnelLimit> curve(double p0, double tau2, long maxCases) {
        List<FunnelLimit> points = new ArrayList<>();
        double from = Math.log(minCases);
        double to = Math.log(Math.max(minCases + 1, Math.ceil(maxCases * 1.1)));
        long previous = -1;
        for (int i = 0; i < CURVE_POINTS; i++) {
            long n = Math.round(Math.exp(from + (to - from) * i / (CURVE_POINTS - 1)));
            if (n == previous) continue;
            previous = n;
            double sd = Math.sqrt(p0 * (1 - p0) / n + tau2);
            points.add(new FunnelLimit(n, clamp(p0 - Z95 * sd), clamp(p0 + Z95 * sd), clamp(p0 - Z998 * sd),
                    clamp(p0 + Z998 * sd)));
        }
        return List.copyOf(points);
    }

    private static double clamp(double rate) {
        return Math.max(0, Math.min(1, rate));
    }
}
