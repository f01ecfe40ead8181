package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer from the two models: the five category probabilities are rescaled within each side so that
 * P(poor) + P(critical) is the calibrated probability of worse (the category model keeps its say in how a side
 * divides), the label is worse from 0.5, and the category shown is the likeliest one on the label's side. The
 * category model's own P(worse), before rescaling, becomes the {@link TaskAgreement}.
 */
record Coherent(OutcomeLabel label, OutcomeCategory category, double[] probabilities, TaskAgreement agreement) {
    private static final OutcomeCategory[] CATEGORIES = OutcomeCategory.values();

    static Coherent of(double worse, double[] categoryModel) {
        double rawWorse = 0, rawBetter = 0;
        int worseCount = 0;
        for (OutcomeCategory c : CATEGORIES) {
            if (c.label() == OutcomeLabel.WORSE) {
                rawWorse += categoryModel[c.ordinal()];
                worseCount++;
            } else {
                rawBetter += categoryModel[c.ordinal()];
            }
        }
        double[] p = new double[CATEGORIES.length];
        for (OutcomeCategory c : CATEGORIES) {
            boolean isWorse = c.label() == OutcomeLabel.WORSE;
            double side = isWorse ? rawWorse : rawBetter;
            double share = side > 0 ? categoryModel[c.ordinal()] / side : 1.0 / (isWorse ? worseCount : CATEGORIES.length - worseCount);
            p[c.ordinal()] = (isWorse ? worse : 1 - worse) * share;
        }
        OutcomeLabel label = worse >= 0.5 ? OutcomeLabel.WORSE : OutcomeLabel.BETTER;
        OutcomeCategory best = null;
        for (OutcomeCategory c : CATEGORIES) {
            if (c.label() == label && (best == null || p[c.ordinal()] > p[best.ordinal()])) best = c;
        }
        double total = rawWorse + rawBetter;
        return new Coherent(label, best, p, TaskAgreement.of(worse, total > 0 ? rawWorse / total : worse));
    }

    Map<String, Double> byName() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (OutcomeCategory c : CATEGORIES) m.put(c.code(), probabilities[c.ordinal()]);
        return m;
    }
}
