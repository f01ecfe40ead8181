package com.outcomedesk.learn;

import java.util.List;

/**
 * A prediction taken apart: {@code base} plus the weights of {@code factors} is exactly the model's log-odds of a
 * worse outcome for this appointment (before calibration, which {@link #calibrated} applies to both).
 */
record Attribution(double base, List<Contribution> factors) {

    /** The same attribution on the calibrated log-odds: Platt scaling is affine in the log-odds, so the sum stays exact. */
    Attribution calibrated(Calibration c) {
        return new Attribution(c.a() * base + c.b(), factors.stream().map(f -> f.scaled(c.a())).toList());
    }

    double logit() {
        double z = base;
        for (Contribution f : factors) z += f.weight();
        return z;
    }
}
