package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Smile random forest or gradient boosting on dense features: one column per clinical entity
 * (negation-marked) and follow-up bucket seen in training, the doctor's smoothed worse rate (from the
 * training rows only) and the month. Trees train on a stratified sample capped at {@link #SAMPLE_CAP}
 * rows, so their cost does not grow with the store. The fitted trees are kept as plain arrays
 * ({@link TreeEnsemble}), which is what predicts and what the model artifact stores.
 */
public final class TreeModel implements BinaryModel {
    public static final int SAMPLE_CAP = 5_000;
    private static final double GBM_SHRINKAGE = 0.1;
    static final int MAX_ENTITY_COLUMNS = 100;

    public enum Kind { FOREST, GBM }

    final Kind kind;
    final TreeEnsemble trees;
    /** Entity feature index to its dense column; the doctor rate and the month follow the entity columns. */
    final Map<Integer, Integer> entityColumns;
    final DoctorRateModel doctorRates;
    final double[] importance;

    TreeModel(Kind kind, TreeEnsemble trees, Map<Integer, Integer> entityColumns, DoctorRateModel doctorRates,
              double[] importance) {
        this.kind = kind;
        this.trees = trees;
        this.entityColumns = entityColumns;
        this.doctorRates = doctorRates;
        this.importance = importance;
    }

    static Map<String, Object> describe(Kind kind) {
        return kind == Kind.FOREST
                ? Map.of("library", "Smile RandomForest", "trees", 50, "maxDepth", 10, "maxNodes", 64, "nodeSize", 5,
                "features", "dense entities + follow-up bucket + doctor rate + month", "sampleCap", SAMPLE_CAP)
                : Map.of("library", "Smile GradientTreeBoost", "trees", 50, "maxDepth", 3, "maxNodes", 8,
                "shrinkage", 0.1, "subsample", 0.7, "features", "dense entities + follow-up bucket + doctor rate + month",
                "sampleCap", SAMPLE_CAP);
    }

    static TreeModel fit(Kind kind, Dataset data, int[] rows, long seed) {
        int[] sample = sample(data, rows, seed);
        DoctorRateModel rates = DoctorRateModel.fit(data, sample);
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int r : sample) for (int k = 0; k < data.entityCount(r); k++) frequency.merge(data.entity(r, k), 1, Integer::sum);
        List<Integer> kept = new ArrayList<>(frequency.keySet());
        kept.sort(Comparator.comparingInt((Integer e) -> -frequency.get(e)).thenComparingInt(e -> e));
        Map<Integer, Integer> columns = new HashMap<>();
        for (int i = 0; i < Math.min(MAX_ENTITY_COLUMNS, kept.size()); i++) columns.put(kept.get(i), i);
        String[] names = new String[columns.size() + 2];
        for (int i = 0; i < columns.size(); i++) names[i] = "e" + i;
        names[columns.size()] = "doctorRate";
        names[columns.size() + 1] = "month";
        double[][] x = new double[sample.length][];
        int[] y = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            x[i] = dense(data, sample[i], columns, rates, data.monthOfYear[sample[i]]);
            y[i] = data.worse(sample[i]);
        }
        DataFrame frame = DataFrame.of(x, names).merge(IntVector.of("y", y));
        Formula formula = Formula.lhs("y");
        TrainingService.checkCancelled();
        if (kind == Kind.FOREST) {
            RandomForest forest = RandomForest.fit(formula, frame, 50, (int) Math.max(1, Math.sqrt(names.length)),
                    smile.base.cart.SplitRule.GINI, 10, 64, 5, 1.0);
            return new TreeModel(kind, TreeEnsemble.of(forest), columns, rates, forest.importance());
        }
        GradientTreeBoost gbm = GradientTreeBoost.fit(formula, frame, 50, 3, 8, 5, GBM_SHRINKAGE, 0.7);
        return new TreeModel(kind, TreeEnsemble.of(gbm, GBM_SHRINKAGE), columns, rates, gbm.importance());
    }

    /** A stratified-by-accident uniform sample: every row when under the cap. */
    private static int[] sample(Dataset data, int[] rows, long seed) {
        if (rows.length <= SAMPLE_CAP) return rows;
        int[] copy = rows.clone();
        LogisticTrainer.shuffle(copy, new SplittableRandom(seed ^ 0x7EE5L));
        int[] s = Arrays.copyOf(copy, SAMPLE_CAP);
        Arrays.sort(s);
        return s;
    }

    private static double[] dense(Dataset data, int row, Map<Integer, Integer> columns, DoctorRateModel rates, int monthOfYear) {
        double[] v = new double[columns.size() + 2];
        for (int k = 0; k < data.entityCount(row); k++) {
            Integer c = columns.get(data.entity(row, k));
            if (c != null) v[c] = 1;
        }
        v[columns.size()] = rates.probability(data, row);
        v[columns.size() + 1] = monthOfYear;
        return v;
    }

    @Override
    public double probability(Dataset data, int row) {
        return trees.probability(dense(data, row, entityColumns, doctorRates, data.monthOfYear[row]));
    }

    double[] probabilities(Dataset data, int[] rows) {
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) p[i] = probability(data, rows[i]);
        return p;
    }

    /** Tree models have no per-term weights: the entities present, weighted by the model's importance. */
    @Override
    public List<Contribution> explain(Explainer explainer, int limit) {
        List<Contribution> terms = new ArrayList<>();
        double total = Arrays.stream(importance).sum();
        for (Explainer.Named f : explainer.features) {
            Integer c = entityColumns.get(f.index());
            if (c != null && f.group() == com.outcomedesk.text.FeatureGroup.ENTITY) terms.add(new Contribution(f.name(), importance[c] / total));
        }
        terms.add(new Contribution("doctor's share of worse outcomes", importance[entityColumns.size()] / total));
        terms.sort(Comparator.comparingDouble((Contribution t) -> -t.weight()));
        return terms.size() > limit ? List.copyOf(terms.subList(0, limit)) : terms;
    }
}
