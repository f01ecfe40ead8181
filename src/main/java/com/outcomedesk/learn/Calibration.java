package com.outcomedesk.learn;

/** Platt scaling: p' = sigmoid(a * logit(p) + b), fitted by Newton's method on out-of-fold predictions. */
public record Calibration(double a, double b) {
    public static final Calibration IDENTITY = new Calibration(1, 0);

    public double apply(double p) {
        return Sigmoid.of(a * Sigmoid.logit(p) + b);
    }

    public static Calibration fit(int[] y, double[] p) {
        double a = 1, b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < y.length; i++) {
                double x = Sigmoid.logit(p[i]);
                double q = Sigmoid.of(a * x + b);
                double r = q - y[i];
                double v = q * (1 - q);
                ga += r * x;
                gb += r;
                haa += v * x * x;
                hab += v * x;
                hbb += v;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) break;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Damped Newton: halve the step until the loss does not increase (full steps overshoot from far away).
            double before = loss(y, p, a, b), step = 1;
            while (step > 1e-6 && loss(y, p, a - step * da, b - step * db) > before) step /= 2;
            a -= step * da;
            b -= step * db;
            if (step * (Math.abs(da) + Math.abs(db)) < 1e-9) break;
        }
        return Double.isFinite(a) && Double.isFinite(b) ? new Calibration(a, b) : IDENTITY;
    }

    private static double loss(int[] y, double[] p, double a, double b) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double q = Sigmoid.of(a * Sigmoid.logit(p[i]) + b);
            sum -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return sum;
    }
}
