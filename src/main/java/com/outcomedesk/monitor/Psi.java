package com.outcomedesk.monitor;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The population stability index, {@code sum (actual - expected) * ln(actual / expected)} over bins of shares. An
 * empty bin would make it infinite, so shares are floored at {@link #FLOOR} (the usual practice). Common reading:
 * below 0.1 stable, 0.1 to 0.25 some shift, above 0.25 a major shift.
 */
final class Psi {
    static final double FLOOR = 1e-4;

    private Psi() {
    }

    /** PSI of two share vectors over the same bins. */
    static double of(double[] expected, double[] actual) {
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(FLOOR, expected[i]), a = Math.max(FLOOR, actual[i]);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /**
     * PSI of a continuous value counted in cells, binned at the reference's deciles (the cell keys where its cumulative
     * count passes each tenth). Both histograms non-empty.
     */
    static double of(ScoreHistogram reference, ScoreHistogram current) {
        double[] edges = new double[9];
        long n = reference.allTotal(), seen = 0;
        int cell = 0;
        for (int d = 1; d <= 9; d++) {
            long rank = Math.min(n - 1, n * d / 10);
            while (seen + reference.all()[cell] <= rank) seen += reference.all()[cell++];
            edges[d - 1] = reference.key()[cell];
        }
        return of(shares(reference, edges), shares(current, edges));
    }

    private static double[] shares(ScoreHistogram h, double[] edges) {
        double[] shares = new double[edges.length + 1];
        int bin = 0;
        for (int c = 0; c < h.cells(); c++) {
            while (bin < edges.length && h.key()[c] >= edges[bin]) bin++;
            shares[bin] += h.all()[c];
        }
        double n = h.allTotal();
        for (int i = 0; i < shares.length; i++) shares[i] /= n;
        return shares;
    }

    /** PSI of a categorical value given as counts per category; a category absent from one side has share 0 there. */
    static double ofCounts(Map<String, Long> expected, Map<String, Long> actual) {
        Set<String> categories = new LinkedHashSet<>(expected.keySet());
        categories.addAll(actual.keySet());
        double e = expected.values().stream().mapToLong(Long::longValue).sum();
        double a = actual.values().stream().mapToLong(Long::longValue).sum();
        double[] es = new double[categories.size()], as = new double[categories.size()];
        int i = 0;
        for (String c : categories) {
            es[i] = expected.getOrDefault(c, 0L) / e;
            as[i++] = actual.getOrDefault(c, 0L) / a;
        }
        return of(es, as);
    }
}
