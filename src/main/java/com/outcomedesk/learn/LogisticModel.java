package com.outcomedesk.learn;

import com.outcomedesk.text.FeatureGroup;
import java.util.EnumSet;
import java.util.Set;

/** Logistic regression over hashed sparse features: bias plus the weights of the row's features. */
public final class LogisticModel implements BinaryModel {
    final EnumSet<FeatureGroup> groups;
    final double[] weights;
    final double bias;
    private final boolean text, entity, doctor, date, history;

    LogisticModel(Set<FeatureGroup> groups, double[] weights, double bias) {
        this.groups = EnumSet.copyOf(groups);
        this.weights = weights;
        this.bias = bias;
        this.text = groups.contains(FeatureGroup.TEXT);
        this.entity = groups.contains(FeatureGroup.ENTITY);
        this.doctor = groups.contains(FeatureGroup.DOCTOR);
        this.date = groups.contains(FeatureGroup.DATE);
        this.history = groups.contains(FeatureGroup.HISTORY);
    }

    @Override
    public double probability(Dataset data, int row) {
        double z = bias;
        if (text) for (int k = data.textStart[row]; k < data.textStart[row + 1]; k++) z += weights[data.text[k]];
        if (entity) for (int k = data.entityStart[row]; k < data.entityStart[row + 1]; k++) z += weights[data.entity[k]];
        if (doctor && data.doctor[row] >= 0) z += weights[data.doctor[row]];
        if (date && data.month[row] >= 0) z += weights[data.month[row]] + weights[data.season[row]];
        if (history) for (int k = data.historyStart[row]; k < data.historyStart[row + 1]; k++) z += weights[data.history[k]];
        return Sigmoid.of(z);
    }

    /** Exact: a linear model's log-odds is its bias plus the weights of the features present. */
    @Override
    public Attribution attribute(Explainer explainer) {
        FactorSums sums = new FactorSums(explainer);
        for (Explainer.Named f : explainer.features) {
            if (groups.contains(f.group())) sums.add(f, weights[f.index()]);
        }
        return new Attribution(bias, sums.factors());
    }
}
