package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A random forest or gradient-boosted trees ({@link SparseTrees}) on one binary column per entity feature seen in
 * training, the doctor's smoothed worse rate (from the training rows only) and the month, trained on every row up to
 * {@link #SAMPLE_CAP} for the forest, every row for boosting. The fitted trees are kept as plain arrays ({@link TreeEnsemble}), which is what predicts and
 * what the model artifact stores; artifacts of the former Smile trees read and predict the same way.
 */
public final class TreeModel implements BinaryModel {
    /** The forest sees every labelled row up to this many (beyond it, a uniform sample of this size); boosting sees every row. */
    public static final int SAMPLE_CAP = 200_000;

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

    static Map<String, Object> describe(Kind kind, int rows) {
        String features = "binary columns for entity features (entities, values, thresholds, pairs, follow-up) seen in at least"
                + " max(3, rows/5000) rows, at most " + SparseTrees.MAX_COLUMNS + ", + doctor rate + month";
        if (kind == Kind.FOREST) {
            return Map.of("library", "own histogram trees (SparseTrees)", "trees", SparseTrees.FOREST_TREES, "maxDepth",
                    SparseTrees.FOREST_DEPTH, "columnShare", SparseTrees.FOREST_COLUMN_SHARE, "minLeafRows", 5, "features", features,
                    "sampleCap", SAMPLE_CAP);
        }
        SparseTrees.Boosting b = SparseTrees.Boosting.forRows(rows);
        return Map.of("library", "own histogram trees (SparseTrees)", "maxRounds", SparseTrees.MAX_ROUNDS, "maxDepth", b.depth(),
                "learningRate", b.rate(), "rowsPerTree", b.subsample(), "earlyStopping", "logistic loss on a seeded inner tenth, "
                + SparseTrees.PATIENCE + " rounds patience", "features", features);
    }

    /** Fits on the given rows only (the forest on a sample of them above {@link #SAMPLE_CAP}). */
    public static TreeModel fit(Kind kind, Dataset data, int[] rows, long seed) {
        TrainingService.checkCancelled();
        return SparseTrees.fit(kind, data, kind == Kind.GBM ? rows : sample(data, rows, seed), seed);
    }

    /** A uniform sample when over the cap, else every row. */
    private static int[] sample(Dataset data, int[] rows, long seed) {
        if (rows.length <= SAMPLE_CAP) return rows;
        int[] copy = rows.clone();
        LogisticTrainer.shuffle(copy, new SplittableRandom(seed ^ 0x7EE5L));
        int[] s = Arrays.copyOf(copy, SAMPLE_CAP);
        Arrays.sort(s);
        return s;
    }

    /** One dense row per thread, cleared after use: a row sets only a few of the thousands of columns. */
    private final ThreadLocal<double[]> buffer = ThreadLocal.withInitial(() -> new double[0]);
    /** Built on the first explanation (tens of milliseconds for 300 trees); two threads may both build it, equally. */
    private volatile ShapTables shapTables;

    @Override
    public double probability(Dataset data, int row) {
        int columns = entityColumns.size();
        double[] v = buffer.get();
        if (v.length != columns + 2) buffer.set(v = new double[columns + 2]);
        for (int k = 0; k < data.entityCount(row); k++) {
            Integer c = entityColumns.get(data.entity(row, k));
            if (c != null) v[c] = 1;
        }
        v[columns] = doctorRates.probability(data, row);
        v[columns + 1] = data.monthOfYear[row];
        double p = trees.probability(v);
        for (int k = 0; k < data.entityCount(row); k++) {
            Integer c = entityColumns.get(data.entity(row, k));
            if (c != null) v[c] = 0;
        }
        return p;
    }

    double[] probabilities(Dataset data, int[] rows) {
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) p[i] = probability(data, rows[i]);
        return p;
    }

    /**
     * Trees with cover counts (artifact format 5 on) are explained by path-dependent TreeSHAP ({@link #treeShap}); older
     * ones by Shapley values over the note's factors ({@link #coalitions}).
     */
    @Override
    public Attribution attribute(Explainer explainer) {
        return trees.covered() ? treeShap(explainer) : coalitions(explainer);
    }

    /**
     * TreeSHAP's value of every column at this row, added up by what the clinician wrote: a column the note sets is
     * shared evenly by the features that set it (which {@link FactorSums} passes on to their phrases), the doctor-rate
     * column is the doctor's factor and the month column the date's. Columns the note leaves at 0 also move a tree's
     * answer (a finding not mentioned), and so do an unknown doctor's overall rate and a missing month: they go to one
     * factor of their own, so that base + weights stays the trees' log-odds exactly.
     */
    private Attribution treeShap(Explainer explainer) {
        int columns = entityColumns.size();
        double[] x = new double[columns + 2];
        int[] setBy = new int[columns];
        for (Explainer.Named f : explainer.features) {
            Integer c = column(f);
            if (c != null) setBy[c]++;
        }
        for (int c = 0; c < columns; c++) if (setBy[c] > 0) x[c] = 1;
        x[columns] = doctorRates.probability(explainer.row, 0);
        x[columns + 1] = explainer.row.monthOfYear[0];
        double[] phi = new double[columns + 2];
        ShapTables tables = shapTables;
        if (tables == null) shapTables = tables = new ShapTables(trees);
        double base = trees.shap(x, phi, tables);
        FactorSums sums = new FactorSums(explainer);
        for (Explainer.Named f : explainer.features) {
            Integer c = column(f);
            if (c != null) sums.add(f, phi[c] / setBy[c]);
        }
        double notStated = 0;
        for (int c = 0; c < columns; c++) if (setBy[c] == 0) notStated += phi[c];
        if (explainer.doctorId != null) sums.addDoctor(phi[columns]); else notStated += phi[columns];
        if (explainer.date != null) sums.addDate(phi[columns + 1]); else notStated += phi[columns + 1];
        sums.addNotStated(notStated);
        return new Attribution(base, sums.factors());
    }

    /** The trees' column of an entity or patient-history feature (the binary features the trees split on), else null. */
    private Integer column(Explainer.Named f) {
        boolean binary = f.group() == com.outcomedesk.text.FeatureGroup.ENTITY || f.group() == com.outcomedesk.text.FeatureGroup.HISTORY;
        return binary ? entityColumns.get(f.index()) : null;
    }

    /**
     * Shapley values of the note's factors on the trees' log-odds: the players are the units of the summary whose
     * entities are columns of the trees, the doctor and the date; a player left out is absent (its entities 0, the
     * doctor unknown, no month). Exact over every coalition up to {@link #EXACT_PLAYERS} players, else averaged over
     * {@link #ORDERINGS} seeded orderings; either way base + weights = the trees' log-odds exactly.
     */
    private Attribution coalitions(Explainer explainer) {
        List<int[]> columnsOf = new ArrayList<>(); // per column in the row: its players
        List<Integer> columnIndex = new ArrayList<>();
        Map<Integer, Integer> playerOfUnit = new HashMap<>();
        List<Integer> players = new ArrayList<>(); // unit index, or DOCTOR / DATE / NO_FOLLOW_UP
        for (Explainer.Named f : explainer.features) {
            Integer c = f.group() == com.outcomedesk.text.FeatureGroup.ENTITY ? entityColumns.get(f.index()) : null;
            if (c == null) continue;
            int[] who = f.unitA() < 0 ? new int[] {player(players, NO_FOLLOW_UP)}
                    : f.unitB() < 0 || f.unitB() == f.unitA() ? new int[] {unitPlayer(players, playerOfUnit, f.unitA())}
                    : new int[] {unitPlayer(players, playerOfUnit, f.unitA()), unitPlayer(players, playerOfUnit, f.unitB())};
            columnsOf.add(who);
            columnIndex.add(c);
        }
        int doctorPlayer = explainer.doctorId != null ? player(players, DOCTOR) : -1;
        int datePlayer = explainer.date != null ? player(players, DATE) : -1;
        int n = players.size();
        double[] doctorRate = {doctorRates.probability(explainer.row, 0), doctorRates.overall()};
        int month = explainer.row.monthOfYear[0];
        double[] v = new double[entityColumns.size() + 2];
        java.util.function.Function<boolean[], Double> value = in -> {
            for (int c : columnIndex) v[c] = 0;
            for (int k = 0; k < columnsOf.size(); k++) {
                boolean on = true;
                for (int p : columnsOf.get(k)) on &= in[p];
                if (on) v[columnIndex.get(k)] = 1;
            }
            v[entityColumns.size()] = doctorPlayer >= 0 && in[doctorPlayer] ? doctorRate[0] : doctorRate[1];
            v[entityColumns.size() + 1] = datePlayer >= 0 && in[datePlayer] ? month : 0;
            return Sigmoid.logit(trees.probability(v));
        };
        double[] phi = n <= EXACT_PLAYERS ? exactShapley(n, value) : sampledShapley(n, value, explainer.units.size());
        FactorSums sums = new FactorSums(explainer);
        for (int i = 0; i < n; i++) {
            int who = players.get(i);
            if (who == DOCTOR) sums.addDoctor(phi[i]);
            else if (who == DATE) sums.addDate(phi[i]);
            else if (who == NO_FOLLOW_UP) sums.addNoFollowUp(phi[i]);
            else sums.addUnit(who, phi[i]);
        }
        return new Attribution(value.apply(new boolean[n]), sums.factors());
    }

    static final int EXACT_PLAYERS = 8, ORDERINGS = 16;
    private static final int DOCTOR = -1, DATE = -2, NO_FOLLOW_UP = -3;

    private static int player(List<Integer> players, int who) {
        int i = players.indexOf(who);
        if (i >= 0) return i;
        players.add(who);
        return players.size() - 1;
    }

    private static int unitPlayer(List<Integer> players, Map<Integer, Integer> byUnit, int unit) {
        return byUnit.computeIfAbsent(unit, u -> player(players, u));
    }

    /** phi_i = sum over coalitions S without i of |S|!(n-|S|-1)!/n! (v(S+i) - v(S)). */
    private static double[] exactShapley(int n, java.util.function.Function<boolean[], Double> value) {
        double[] v = new double[1 << n];
        for (int mask = 0; mask < v.length; mask++) {
            boolean[] in = new boolean[n];
            for (int i = 0; i < n; i++) in[i] = (mask & 1 << i) != 0;
            v[mask] = value.apply(in);
        }
        double[] weight = new double[n];
        for (int s = 0; s < n; s++) weight[s] = factorial(s) * factorial(n - s - 1) / factorial(n);
        double[] phi = new double[n];
        for (int mask = 0; mask < v.length; mask++) {
            int size = Integer.bitCount(mask);
            for (int i = 0; i < n; i++) if ((mask & 1 << i) == 0) phi[i] += weight[size] * (v[mask | 1 << i] - v[mask]);
        }
        return phi;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) f *= i;
        return f;
    }

    /** The mean marginal contribution over seeded orderings (each ordering's contributions sum to v(all) - v(none)). */
    private static double[] sampledShapley(int n, java.util.function.Function<boolean[], Double> value, long seed) {
        double[] phi = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int r = 0; r < ORDERINGS; r++) {
            LogisticTrainer.shuffle(order, random);
            boolean[] in = new boolean[n];
            double before = value.apply(in);
            for (int i : order) {
                in[i] = true;
                double after = value.apply(in);
                phi[i] += (after - before) / ORDERINGS;
                before = after;
            }
        }
        return phi;
    }
}
