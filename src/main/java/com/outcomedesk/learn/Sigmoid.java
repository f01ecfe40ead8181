package com.outcomedesk.learn;

final class Sigmoid {
    private Sigmoid() {
    }

    static double of(double z) {
        if (z > 35) return 1 - 1e-15;
        if (z < -35) return 1e-15;
        return 1 / (1 + Math.exp(-z));
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }
}
