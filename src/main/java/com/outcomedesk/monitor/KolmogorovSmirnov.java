package com.outcomedesk.monitor;

/**
 * The two-sample Kolmogorov-Smirnov test: the largest distance between the two empirical distribution functions,
 * and its asymptotic p-value (Kolmogorov's distribution with Stephens' small-sample correction).
 */
record KolmogorovSmirnov(double statistic, double pValue) {

    /** Both arrays sorted ascending and non-empty. */
    static KolmogorovSmirnov ofSorted(double[] a, double[] b) {
        int i = 0, j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == v) i++;
            while (j < b.length && b[j] == v) j++;
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        double en = Math.sqrt((double) a.length * b.length / (a.length + b.length));
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
