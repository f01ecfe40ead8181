package com.outcomedesk.learn;

import java.util.List;

/** Baseline: every appointment gets the training share of worse outcomes. */
public record MajorityModel(double rate) implements BinaryModel {
    static MajorityModel fit(Dataset data, int[] rows) {
        double worse = 0;
        for (int r : rows) worse += data.worse(r);
        return new MajorityModel(worse / rows.length);
    }

    @Override
    public double probability(Dataset data, int row) {
        return rate;
    }

    /** Everyone gets the same answer: the base value is all there is. */
    @Override
    public Attribution attribute(Explainer explainer) {
        return new Attribution(Sigmoid.logit(rate), List.of());
    }
}
