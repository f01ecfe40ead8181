package com.outcomedesk.learn;

/** A mean over folds with its 95% confidence interval (Student t over the fold values). */
public record Interval(double mean, double low, double high) {
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
            2.056, 2.052, 2.048, 2.045, 2.042};

    public static Interval of(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        if (n < 2) return new Interval(mean, mean, mean);
        double var = 0;
        for (double v : values) var += (v - mean) * (v - mean);
        double half = (n - 1 <= T975.length ? T975[n - 2] : 1.96) * Math.sqrt(var / (n - 1) / n);
        return new Interval(mean, mean - half, mean + half);
    }
}
