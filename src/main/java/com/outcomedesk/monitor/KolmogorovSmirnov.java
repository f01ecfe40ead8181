package com.outcomedesk.monitor;

/**
 * The two-sample Kolmogorov-Smirnov test: the largest distance between the two empirical distribution functions,
 * and its asymptotic p-value (Kolmogorov's distribution with Stephens' small-sample correction).
 */
record KolmogorovSmirnov(double statistic, double pValue) {

    /** Of the cells' keys over all predictions; both histograms non-empty. */
    static KolmogorovSmirnov of(ScoreHistogram a, ScoreHistogram b) {
        double na = a.allTotal(), nb = b.allTotal();
        int i = 0, j = 0;
        long ca = 0, cb = 0;
        double d = 0;
        while (i < a.cells() && j < b.cells()) {
            double v = Math.min(a.key()[i], b.key()[j]);
            if (a.key()[i] == v) ca += a.all()[i++];
            if (b.key()[j] == v) cb += b.all()[j++];
            d = Math.max(d, Math.abs(ca / na - cb / nb));
        }
        return of(d, na, nb);
    }

    /** The statistic {@code d} of samples of {@code na} and {@code nb} with its p-value. */
    static KolmogorovSmirnov of(double d, double na, double nb) {
        double en = Math.sqrt(na * nb / (na + nb));
        return new KolmogorovSmirnov(d, q((en + 0.12 + 0.11 / en) * d));
    }

    /** Kolmogorov's survival function Q(lambda) = 2 sum (-1)^(k-1) exp(-2 k^2 lambda^2). */
    static double q(double lambda) {
        if (lambda < 1e-3) return 1;
        double sum = 0, sign = 1;
        for (int k = 1; k <= 100; k++) {
            double term = sign * Math.exp(-2.0 * k * k * lambda * lambda);
            sum += term;
            if (Math.abs(term) < 1e-12) break;
            sign = -sign;
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}
