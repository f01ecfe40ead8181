package com.outcomedesk.monitor;

/**
 * ROC AUC of probabilities of "worse" with DeLong's 95% interval (DeLong, DeLong and Clarke-Pearson 1988): each case's
 * placement among the other class gives the AUC's variance without resampling. Cases in the same histogram cell tie
 * and count half, so counted in 0.001-wide buckets the AUC differs from the exact one by at most half the share of
 * worse/better pairs that share a bucket. One walk over the cells, ascending.
 */
final class Auc {
    private Auc() {
    }

    /** Null when one class is absent (nothing to rank). */
    static Estimate of(ScoreHistogram h) {
        long m = h.worseTotal(), k = h.betterTotal();
        if (m == 0 || k == 0) return null;
        // placements: for each "worse" case the share of "better" cases ranked below it, and the reverse
        double sum10 = 0, sq10 = 0, sum01 = 0, sq01 = 0;
        long betterBelow = 0, worseUpTo = 0;
        for (int c = 0; c < h.cells(); c++) {
            long tiedWorse = h.worse()[c], tiedBetter = h.better()[c];
            worseUpTo += tiedWorse;
            double v10 = (betterBelow + 0.5 * tiedBetter) / k;        // better cases below, half of the tied ones
            double v01 = ((m - worseUpTo) + 0.5 * tiedWorse) / m;     // worse cases above, half of the tied ones
            sum10 += tiedWorse * v10;
            sq10 += tiedWorse * v10 * v10;
            sum01 += tiedBetter * v01;
            sq01 += tiedBetter * v01 * v01;
            betterBelow += tiedBetter;
        }
        double auc = sum10 / m;
        double s10 = m < 2 ? 0 : (sq10 - m * auc * auc) / (m - 1);
        double s01 = k < 2 ? 0 : (sq01 - k * auc * auc) / (k - 1);
        double se = Math.sqrt(Math.max(0, s10 / m + s01 / k));
        return Estimate.normal(auc, se, 0, 1, "DeLong");
    }
}
