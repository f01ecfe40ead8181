package com.outcomedesk.monitor;

/**
 * Predictions counted per probability cell, cells ascending: each cell's key (its bucket's midpoint, or the exact
 * probability where predictions are added one by one), the mean probability of its predictions, and how many had a
 * worse, a better and any outcome (unknown included). Drift compares keys, so two periods bin alike; calibration
 * and deciles use the means. Ties within a cell count half in the AUC, as equal probabilities do.
 */
record ScoreHistogram(double[] key, double[] mean, long[] worse, long[] better, long[] all) {

    int cells() {
        return key.length;
    }

    long worseTotal() {
        long n = 0;
        for (long w : worse) n += w;
        return n;
    }

    long betterTotal() {
        long n = 0;
        for (long b : better) n += b;
        return n;
    }

    long allTotal() {
        long n = 0;
        for (long a : all) n += a;
        return n;
    }
}
