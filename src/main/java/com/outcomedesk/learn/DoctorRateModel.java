package com.outcomedesk.learn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline: the doctor's share of worse outcomes, shrunk towards the overall share by a prior worth
 * {@link #PRIOR_ROWS} appointments so a doctor with three cases does not get 0% or 100%.
 */
public final class DoctorRateModel implements BinaryModel {
    static final double PRIOR_ROWS = 20;
    final Map<Integer, Double> rates;
    final double overall;

    DoctorRateModel(Map<Integer, Double> rates, double overall) {
        this.rates = rates;
        this.overall = overall;
    }

    static DoctorRateModel fit(Dataset data, int[] rows) {
        Map<Integer, double[]> counts = new HashMap<>();
        double worse = 0;
        for (int r : rows) {
            double[] c = counts.computeIfAbsent(data.doctor[r], k -> new double[2]);
            c[0]++;
            c[1] += data.worse(r);
            worse += data.worse(r);
        }
        double overall = worse / rows.length;
        Map<Integer, Double> rates = new HashMap<>();
        counts.forEach((doctor, c) -> rates.put(doctor, (c[1] + PRIOR_ROWS * overall) / (c[0] + PRIOR_ROWS)));
        return new DoctorRateModel(rates, overall);
    }

    @Override
    public double probability(Dataset data, int row) {
        return rates.getOrDefault(data.doctor[row], overall);
    }

    double overall() {
        return overall;
    }

    /** The overall share is the base; the doctor's smoothed share moves it, when the model knows the doctor. */
    @Override
    public Attribution attribute(Explainer explainer) {
        double base = Sigmoid.logit(overall);
        double p = probability(explainer.row, 0);
        if (explainer.doctorId == null || p == overall) return new Attribution(base, List.of());
        return new Attribution(base, List.of(explainer.doctor(Sigmoid.logit(p) - base)));
    }
}
