package com.outcomedesk.learn;

import java.util.List;

/** A fitted model of the probability of a worse outcome (uncalibrated). */
public interface BinaryModel {
    double probability(Dataset data, int row);

    /** The terms that moved this row's score most, strongest first. */
    List<Contribution> explain(Explainer explainer, int limit);
}
