package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Smile random forest or gradient boosting on dense features: one column per clinical entity
 * (negation-marked) and follow-up bucket seen in training, the doctor's smoothed worse rate (from the
 * training rows only) and the month. Trees train on a stratified sample capped at {@link #SAMPLE_CAP}
 * rows, so their cost does not grow with the store.
 */
public final class TreeModel implements BinaryModel {
    private static final long serialVersionUID = 1L;
    public static final int SAMPLE_CAP = 5_000;
    static final int MAX_ENTITY_COLUMNS = 100;

    public enum Kind { FOREST, GBM }

    private final Kind kind;
    private final DataFrameClassifier classifier;
    private final Map<Integer, Integer> entityColumns;
    private final String[] columnNames;
    private final DoctorRateModel doctorRates;
    private final double[] importance;

    private TreeModel(Kind kind, DataFrameClassifier classifier, Map<Integer, Integer> entityColumns, String[] names,
                      DoctorRateModel doctorRates, double[] importance) {
        this.kind = kind;
        this.classifier = classifier;
        this.entityColumns = entityColumns;
        this.columnNames = names;
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
        DataFrameClassifier model;
        double[] importance;
        if (kind == Kind.FOREST) {
            RandomForest forest = RandomForest.fit(formula, frame, 50, (int) Math.max(1, Math.sqrt(names.length)),
                    smile.base.cart.SplitRule.GINI, 10, 64, 5, 1.0);
            model = forest;
            importance = forest.importance();
        } else {
            GradientTreeBoost gbm = GradientTreeBoost.fit(formula, frame, 50, 3, 8, 5, 0.1, 0.7);
            model = gbm;
            importance = gbm.importance();
        }
        return new TreeModel(kind, model, columns, names, rates, importance);
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
        double[] x = dense(data, row, entityColumns, doctorRates, data.monthOfYear[row]);
        DataFrame frame = DataFrame.of(new double[][] {x}, columnNames);
        Tuple tuple = frame.get(0);
        double[] posterior = new double[2];
        classifier.predict(tuple, posterior);
        return posterior[1];
    }

    /** Probabilities for many rows through one data frame, much cheaper than row by row. */
    double[] probabilities(Dataset data, int[] rows) {
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) x[i] = dense(data, rows[i], entityColumns, doctorRates, data.monthOfYear[rows[i]]);
        DataFrame frame = DataFrame.of(x, columnNames);
        double[] p = new double[rows.length];
        double[] posterior = new double[2];
        for (int i = 0; i < rows.length; i++) {
            classifier.predict(frame.get(i), posterior);
            p[i] = posterior[1];
        }
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
