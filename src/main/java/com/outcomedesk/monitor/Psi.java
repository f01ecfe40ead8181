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

    /** PSI of a continuous value, binned at the reference's deciles. Both arrays sorted ascending and non-empty. */
    static double ofSorted(double[] reference, double[] current) {
        double[] edges = new double[9];
        for (int d = 1; d <= 9; d++) edges[d - 1] = reference[(int) Math.min(reference.length - 1, (long) reference.length * d / 10)];
        return of(shares(reference, edges), shares(current, edges));
    }

    private static double[] shares(double[] sorted, double[] edges) {
        double[] shares = new double[edges.length + 1];
        int bin = 0;
        for (double v : sorted) {
            while (bin < edges.length && v >= edges[bin]) bin++;
            shares[bin]++;
        }
        for (int i = 0; i < shares.length; i++) shares[i] /= sorted.length;
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
