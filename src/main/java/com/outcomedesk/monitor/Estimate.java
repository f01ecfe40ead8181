package com.outcomedesk.monitor;

/** A measured figure with its 95% interval and the method that gave the interval (e.g. "DeLong", "Wilson"). */
public record Estimate(double value, double low, double high, String method) {
    static final double Z = 1.959963984540054;

    /** A normal-approximation interval of the value with this standard error, kept within [min, max]. */
    static Estimate normal(double value, double standardError, double min, double max, String method) {
        return new Estimate(value, Math.max(min, value - Z * standardError), Math.min(max, value + Z * standardError), method);
    }

    /** The Wilson score interval of a proportion {@code successes / n} (n > 0). */
    static Estimate wilson(long successes, long n) {
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), "Wilson");
    }
}
