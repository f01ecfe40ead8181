package com.outcomedesk.learn;

import com.outcomedesk.text.FeatureGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A model family compared in cross-validation: its name, parameters and how to fit it on some rows. */
public record Candidate(String name, String description, Map<String, Object> params, Fitter fitter, boolean sampled) {

    @FunctionalInterface
    interface Fitter {
        BinaryModel fit(Dataset data, int[] rows, long seed);
    }

    public static final String LOGREG = "logreg", FOREST = "forest", GBM = "gbm", MAJORITY = "majority",
            DOCTOR_RATE = "doctor-rate";

    static Candidate logistic(String name, String description, Set<FeatureGroup> groups, int rows) {
        LogisticTrainer.Params p = LogisticTrainer.Params.forRows(rows);
        Map<String, Object> params = new LinkedHashMap<>(p.describe());
        params.put("featureGroups", groups.toString());
        return new Candidate(name, description, params, (d, r, seed) -> LogisticTrainer.fit(d, r, groups, p, seed), false);
    }

    /** The candidates for an algorithm choice; the two baselines are always compared. */
    static List<Candidate> forRequest(TrainingRequest.Algorithm algorithm, int rows) {
        List<Candidate> list = new ArrayList<>();
        if (algorithm == TrainingRequest.Algorithm.AUTO || algorithm == TrainingRequest.Algorithm.LOGREG) {
            list.add(logistic(LOGREG, "logistic regression on hashed n-grams, entities, doctor and date", Dataset.ALL, rows));
        }
        if (algorithm == TrainingRequest.Algorithm.AUTO || algorithm == TrainingRequest.Algorithm.FOREST) {
            list.add(new Candidate(FOREST, "random forest (own sparse trees) on entity features, doctor rate and month",
                    TreeModel.describe(TreeModel.Kind.FOREST, rows), (d, r, s) -> TreeModel.fit(TreeModel.Kind.FOREST, d, r, s), true));
        }
        if (algorithm == TrainingRequest.Algorithm.AUTO || algorithm == TrainingRequest.Algorithm.GBM) {
            list.add(new Candidate(GBM, "gradient-boosted trees (own histogram trees on every row, early stopping) on entity features, doctor rate and month",
                    TreeModel.describe(TreeModel.Kind.GBM, rows), (d, r, s) -> TreeModel.fit(TreeModel.Kind.GBM, d, r, s), false));
        }
        list.add(new Candidate(MAJORITY, "baseline: the training share of worse outcomes for everyone", Map.of(),
                (d, r, s) -> MajorityModel.fit(d, r), false));
        list.add(new Candidate(DOCTOR_RATE, "baseline: the doctor's smoothed share of worse outcomes",
                Map.of("priorRows", DoctorRateModel.PRIOR_ROWS), (d, r, s) -> DoctorRateModel.fit(d, r), false));
        return list;
    }
}
