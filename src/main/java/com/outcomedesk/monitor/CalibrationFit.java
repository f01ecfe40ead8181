package com.outcomedesk.monitor;

/**
 * Logistic recalibration: the outcome regressed on the logit of the predicted probability, {@code logit P(worse) =
 * intercept + slope * logit(p)}, fitted by Newton-Raphson. A well calibrated model has slope 1 and intercept 0; a
 * slope below 1 means predictions too extreme. Intervals are Wald intervals from the inverse Fisher information.
 */
record CalibrationFit(Estimate intercept, Estimate slope) {
    private static final double CLIP = 1e-6;

    /** Null when one class is absent or the fit does not converge (perfect separation). */
    static CalibrationFit of(ScoreHistogram h) {
        if (h.worseTotal() == 0 || h.betterTotal() == 0) return null;
        double a = 0, b = 1;
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] g = new double[2];
            double[][] info = new double[2][2];
            accumulate(h, a, b, g, info);
            double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
            if (!(Math.abs(det) > 1e-12)) return null;
            double da = (info[1][1] * g[0] - info[0][1] * g[1]) / det;
            double db = (info[0][0] * g[1] - info[1][0] * g[0]) / det;
            a += da;
            b += db;
            if (!Double.isFinite(a) || !Double.isFinite(b) || Math.abs(b) > 1e3) return null;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                double[][] at = new double[2][2];
                accumulate(h, a, b, new double[2], at);
                double d = at[0][0] * at[1][1] - at[0][1] * at[1][0];
                if (!(d > 0)) return null;
                double seA = Math.sqrt(at[1][1] / d), seB = Math.sqrt(at[0][0] / d);
                return new CalibrationFit(Estimate.normal(a, seA, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "Wald"),
                        Estimate.normal(b, seB, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "Wald"));
            }
        }
        return null;
    }

    /**
     * Adds the gradient of the log-likelihood and its negative Hessian (the information) over the cells, each at its
     * mean probability, weighted by its worse (y = 1) and better (y = 0) cases.
     */
    private static void accumulate(ScoreHistogram hist, double a, double b, double[] g, double[][] h) {
        for (int c = 0; c < hist.cells(); c++) {
            long ones = hist.worse()[c], zeros = hist.better()[c];
            if (ones + zeros == 0) continue;
            double q = Math.min(1 - CLIP, Math.max(CLIP, hist.mean()[c]));
            double x = Math.log(q / (1 - q));
            double mu = 1 / (1 + Math.exp(-(a + b * x)));
            double r = ones * (1 - mu) - zeros * mu, w = (ones + zeros) * mu * (1 - mu);
            g[0] += r;
            g[1] += r * x;
            h[0][0] += w;
            h[0][1] += w * x;
            h[1][0] += w * x;
            h[1][1] += w * x * x;
        }
    }
}
