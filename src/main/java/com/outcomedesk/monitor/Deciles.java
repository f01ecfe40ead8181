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

    /** Both arrays sorted ascending. Fewer than ten cases give fewer (non-empty) deciles. */
    static List<Decile> of(double[] worse, double[] better) {
        int n = worse.length + better.length;
        List<Decile> deciles = new ArrayList<>();
        int i = 0, j = 0, rank = 0;
        for (int d = 1; d <= 10; d++) {
            int end = (int) ((long) n * d / 10);
            long cases = 0, worseCases = 0;
            double sum = 0;
            for (; rank < end; rank++) {
                boolean takeWorse = j >= better.length || (i < worse.length && worse[i] <= better[j]);
                double p = takeWorse ? worse[i++] : better[j++];
                if (takeWorse) worseCases++;
                sum += p;
                cases++;
            }
            if (cases > 0) deciles.add(new Decile(d, cases, sum / cases, Estimate.wilson(worseCases, cases)));
        }
        return deciles;
    }
}
