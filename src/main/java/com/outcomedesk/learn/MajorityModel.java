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

    @Override
    public List<Contribution> explain(Explainer explainer, int limit) {
        return List.of(new Contribution("share of worse outcomes in training", rate));
    }
}
