package com.outcomedesk.monitor;

import java.util.ArrayList;
import java.util.List;

/** Observed against predicted worse rate per risk decile: the cases ranked by predicted probability, cut in ten equal parts. */
public final class Deciles {
    private Deciles() {
    }

    /** One decile: its cases, their mean predicted probability, and the observed worse rate (Wilson interval). */
    public record Decile(int decile, long cases, double meanPredicted, Estimate observed) {
    }

    /**
     * The cells with an outcome in rank order, each whole cell in the decile its middle rank falls in (a cell is one
     * probability, or a 0.001-wide bucket of them: cases that tie cannot be ranked apart). Fewer than ten cases, or
     * many tied ones, give fewer (non-empty) deciles.
     */
    static List<Decile> of(ScoreHistogram h) {
        long n = h.worseTotal() + h.betterTotal();
        long[] cases = new long[10], worse = new long[10];
        double[] sum = new double[10];
        long rank = 0;
        for (int c = 0; c < h.cells(); c++) {
            long k = h.worse()[c] + h.better()[c];
            if (k == 0) continue;
            int d = (int) Math.min(9, (long) Math.floor((rank + k / 2.0) * 10 / n));
            cases[d] += k;
            worse[d] += h.worse()[c];
            sum[d] += h.mean()[c] * k;
            rank += k;
        }
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            if (cases[d] > 0) deciles.add(new Decile(d + 1, cases[d], sum[d] / cases[d], Estimate.wilson(worse[d], cases[d])));
        }
        return deciles;
    }
}
