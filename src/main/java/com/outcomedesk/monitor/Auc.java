package com.outcomedesk.monitor;

/**
 * ROC AUC of probabilities of "worse" with DeLong's 95% interval (DeLong, DeLong and Clarke-Pearson 1988): each case's
 * placement among the other class gives the AUC's variance without resampling. Ties count half. Both inputs are
 * sorted ascending by the caller ({@link Scores}), so this is one merge walk.
 */
final class Auc {
    private Auc() {
    }

    /** Null when one class is absent (nothing to rank). */
    static Estimate of(double[] worseSorted, double[] betterSorted) {
        int m = worseSorted.length, k = betterSorted.length;
        if (m == 0 || k == 0) return null;
        // placements: for each "worse" case the share of "better" cases ranked below it, and the reverse
        double sum10 = 0, sq10 = 0, sum01 = 0, sq01 = 0;
        int i = 0, j = 0;
        while (i < m || j < k) {
            double v = Math.min(i < m ? worseSorted[i] : Double.POSITIVE_INFINITY, j < k ? betterSorted[j] : Double.POSITIVE_INFINITY);
            int gi = i, gj = j;
            while (gi < m && worseSorted[gi] == v) gi++;
            while (gj < k && betterSorted[gj] == v) gj++;
            int tiedWorse = gi - i, tiedBetter = gj - j;
            double v10 = (j + 0.5 * tiedBetter) / k;           // better cases below, half of the tied ones
            double v01 = ((m - gi) + 0.5 * tiedWorse) / m;      // worse cases above, half of the tied ones
            sum10 += tiedWorse * v10;
            sq10 += tiedWorse * v10 * v10;
            sum01 += tiedBetter * v01;
            sq01 += tiedBetter * v01 * v01;
            i = gi;
            j = gj;
        }
        double auc = sum10 / m;
        double s10 = m < 2 ? 0 : (sq10 - m * auc * auc) / (m - 1);
        double s01 = k < 2 ? 0 : (sq01 - k * auc * auc) / (k - 1);
        double se = Math.sqrt(Math.max(0, s10 / m + s01 / k));
        return Estimate.normal(auc, se, 0, 1, "DeLong");
    }
}
