package com.outcomedesk.learn;

/** A fitted model of the probability of a worse outcome (uncalibrated). */
public interface BinaryModel {
    double probability(Dataset data, int row);

    /**
     * This appointment's log-odds of worse taken apart into the base value and one weight per factor (phrases of the
     * summary, the doctor, the date), computed for this model: base + weights = logit(probability).
     */
    Attribution attribute(Explainer explainer);
}
