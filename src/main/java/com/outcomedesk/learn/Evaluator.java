package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.text.FeatureGroup;
import com.outcomedesk.common.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * Cross-validates every candidate on the same seeded stratified folds, runs the ablation and the
 * five-category model, picks the best candidate by mean AUC and calibrates it out of fold. Pure
 * computation on a {@link Dataset}: no store, so tests and the benchmark call it directly.
 */
public final class Evaluator {
    static final String BOTH = "doctor and text";

    private final Dataset data;
    private final TrainingRequest request;
    private final ProgressListener progress;
    private final int[] y;
    private final Folds folds;
    private final Map<String, double[]> outOfFold = new LinkedHashMap<>();
    /** Candidates whose later folds were not fitted: clearly behind logistic regression on the trial folds. */
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private long tasksDone;
    private long tasksTotal;

    public Evaluator(Dataset data, TrainingRequest request, ProgressListener progress) {
        if (data.rows() < 2 * request.folds()) {
            throw new IllegalArgumentException("Only " + data.rows() + " labelled appointments: at least " + 2 * request.folds()
                    + " are needed for " + request.folds() + "-fold cross-validation. Import more appointments with outcomes.");
        }
        this.data = data;
        this.request = request;
        this.progress = progress;
        this.y = data.worseLabels();
        int worse = Arrays.stream(y).sum();
        if (worse < request.folds() || data.rows() - worse < request.folds()) {
            throw new IllegalArgumentException("Too few worse (" + worse + ") or better (" + (data.rows() - worse)
                    + ") outcomes to stratify " + request.folds() + " folds. Import more appointments with outcomes.");
        }
        this.folds = Folds.stratified(y, request.folds(), request.repeatsFor(data.rows()), request.seed());
    }

    public Evaluation evaluate() {
        List<Candidate> candidates = Candidate.forRequest(request.algorithm(), data.rows());
        List<Candidate> ablation = List.of(
                Candidate.logistic("doctor only", "logistic regression on the doctor alone", EnumSet.of(FeatureGroup.DOCTOR), data.rows()),
                Candidate.logistic("text only", "logistic regression on the summary alone (n-grams and entities)",
                        EnumSet.of(FeatureGroup.TEXT, FeatureGroup.ENTITY), data.rows()),
                Candidate.logistic(BOTH, "logistic regression on doctor, summary and date", Dataset.ALL, data.rows()));
        // "doctor and text" is the logreg candidate itself (same features, parameters, folds and seeds): not fitted twice.
        boolean logregCompared = candidates.stream().anyMatch(c -> c.name().equals(Candidate.LOGREG));
        int k = folds.k();
        tasksTotal = (long) candidates.size() * k * folds.repeats() + (long) (ablation.size() - (logregCompared ? 1 : 0)) * k + k;
        List<Evaluation.CandidateResult> results = new ArrayList<>();
        List<Evaluation.CandidateResult> ablationResults = new ArrayList<>();
        Evaluation.CategoryResult categories;
        try (ParallelTasks pool = new ParallelTasks()) {
            // Every fit of every candidate goes to one pool, the longest first, so that both cores stay busy to the end;
            // on a single round of folds the trees' later folds go last, behind their trial (see trialFolds).
            Candidate leader = candidates.stream().filter(c -> c.name().equals(Candidate.LOGREG)).findFirst().orElse(null);
            int trialFolds = trialFolds(data.rows(), k);
            boolean trial = leader != null && folds.repeats() == 1 && k > trialFolds;
            Map<Candidate, List<Future<FoldOutcome>>> submitted = new IdentityHashMap<>();
            if (trial) submitted.put(leader, submitFolds(pool, leader, folds.repeats()));
            for (Candidate c : candidates) if (isTree(c)) submitted.put(c, trial ? submitFolds(pool, c, 0, trialFolds) : submitFolds(pool, c, folds.repeats()));
            List<Future<long[][]>> categoryFolds = submitCategories(pool);
            for (Candidate c : candidates) if (!isTree(c) && !submitted.containsKey(c)) submitted.put(c, submitFolds(pool, c, folds.repeats()));
            for (Candidate c : ablation) if (!(logregCompared && c.name().equals(BOTH))) submitted.put(c, submitFolds(pool, c, 1));
            if (trial) {
                for (Candidate c : candidates) if (isTree(c)) submitted.get(c).addAll(submitUnlessBehind(pool, c, List.copyOf(submitted.get(c)), submitted.get(leader)));
            }
            for (Candidate c : candidates) results.add(collect(c, submitted.get(c), folds.repeats(), true));
            Evaluation.CandidateResult logreg = results.stream().filter(r -> r.name().equals(Candidate.LOGREG)).findFirst().orElse(null);
            for (Candidate c : ablation) {
                boolean same = logregCompared && c.name().equals(BOTH);
                ablationResults.add(same ? new Evaluation.CandidateResult(BOTH, c.description(), logreg.metrics(), logreg.confusion(),
                        logreg.fitMillis(), logreg.evaluatedOn()) : collect(c, submitted.get(c), 1, false));
            }
            categories = categories(categoryFolds);
        }

        Evaluation.CandidateResult best = results.stream()
                .filter(r -> !stopped.contains(r.name()))
                .filter(r -> request.algorithm() == TrainingRequest.Algorithm.AUTO || !isBaseline(r.name()))
                .max((a, b) -> Double.compare(a.auc(), b.auc())).orElseThrow();
        double[] oof = outOfFold.get(best.name());
        Calibration platt = Calibration.fit(y, oof);
        return new Evaluation(data.rows(), Arrays.stream(y).sum(), k, folds.repeats(), request.seed(), best.name(), results,
                ablationResults, categories, roc(oof), calibrationBins(oof, platt), platt, EvaluationFindings.of(results, ablationResults, best, categories));
    }

    private static boolean isTree(Candidate c) {
        return c.name().equals(Candidate.GBM) || c.name().equals(Candidate.FOREST);
    }

    /** A candidate's out-of-fold predictions over all rows (first repeat), after {@link #evaluate}. */
    double[] outOfFold(String candidate) {
        return outOfFold.get(candidate);
    }

    static boolean isBaseline(String name) {
        return name.equals(Candidate.MAJORITY) || name.equals(Candidate.DOCTOR_RATE);
    }

    private record FoldOutcome(int[] rows, double[] p, BinaryMetrics metrics, long millis) {
    }

    /**
     * On a single round of folds, a tree candidate (minutes at a million rows where logistic regression takes seconds) is
     * first fitted on its trial folds ({@link #trialFolds}); its other folds are fitted only if it is not behind logistic
     * regression by more than {@value #BEHIND_BY} AUC on each of them (the same rows, so the gap is measured paired).
     * A candidate stopped so is reported on its trial folds, says so, and is never selected: every fold of the
     * selected candidate is always evaluated.
     */
    static final int TRIAL_FOLDS = 2;
    static final double BEHIND_BY = 0.001;
    /** Held-out rows the trial rests on: as few folds as hold this many, but never more than {@value #TRIAL_FOLDS}. */
    static final int TRIAL_ROWS = 100_000;

    /** 2 folds, or 1 where one fold holds {@value #TRIAL_ROWS} held-out rows (from 500,000 rows in 5 folds). */
    static int trialFolds(int rows, int k) {
        return rows / k >= TRIAL_ROWS ? 1 : TRIAL_FOLDS;
    }

    /**
     * The candidate's folds after the trial; each first waits for the trial folds of the candidate and of logistic
     * regression (queued before it, so running or done: no deadlock) and is skipped (null) when the candidate is behind.
     */
    private List<Future<FoldOutcome>> submitUnlessBehind(ParallelTasks pool, Candidate candidate, List<Future<FoldOutcome>> trial,
                                                         List<Future<FoldOutcome>> leader) {
        List<Future<FoldOutcome>> futures = new ArrayList<>();
        for (int f = trial.size(); f < folds.k(); f++) {
            int fold = f;
            futures.add(pool.submit(() -> behind(candidate, trial, leader) ? null : runFold(candidate, 0, fold)));
        }
        return futures;
    }

    private boolean behind(Candidate candidate, List<Future<FoldOutcome>> trial, List<Future<FoldOutcome>> leader) {
        for (int f = 0; f < trial.size(); f++) {
            if (ParallelTasks.get(trial.get(f)).metrics().auc() >= ParallelTasks.get(leader.get(f)).metrics().auc() - BEHIND_BY) return false;
        }
        stopped.add(candidate.name());
        return true;
    }

    private List<Future<FoldOutcome>> submitFolds(ParallelTasks pool, Candidate candidate, int fromFold, int toFold) {
        List<Future<FoldOutcome>> futures = new ArrayList<>();
        for (int f = fromFold; f < toFold; f++) {
            int fold = f;
            futures.add(pool.submit(() -> runFold(candidate, 0, fold)));
        }
        return futures;
    }

    private List<Future<FoldOutcome>> submitFolds(ParallelTasks pool, Candidate candidate, int repeats) {
        List<Future<FoldOutcome>> futures = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            for (int f = 0; f < folds.k(); f++) {
                int repeat = r, fold = f;
                futures.add(pool.submit(() -> runFold(candidate, repeat, fold)));
            }
        }
        return futures;
    }

    /** The candidate's metrics over its folds; its out-of-fold predictions (first repeat) are kept when asked. */
    private Evaluation.CandidateResult collect(Candidate candidate, List<Future<FoldOutcome>> futures, int repeats, boolean keepOutOfFold) {
        List<FoldOutcome> outcomes = getAll(futures, candidate.name()).stream().filter(o -> o != null).toList();
        boolean complete = outcomes.size() == futures.size();
        double[] oof = new double[data.rows()];
        long[][] confusion = new long[2][2];
        long millis = 0;
        Map<Metric, double[]> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) values.put(m, new double[outcomes.size()]);
        for (int i = 0; i < outcomes.size(); i++) {
            FoldOutcome o = outcomes.get(i);
            BinaryMetrics m = o.metrics();
            for (Metric metric : Metric.values()) values.get(metric)[i] = metric.of(m);
            millis += o.millis();
            if (i < folds.k()) {
                for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) confusion[a][b] += m.confusion()[a][b];
                for (int j = 0; j < o.rows().length; j++) oof[o.rows()[j]] = o.p()[j];
            }
        }
        if (keepOutOfFold && complete) outOfFold.put(candidate.name(), oof);
        Map<Metric, Interval> metrics = new EnumMap<>(Metric.class);
        values.forEach((name, v) -> metrics.put(name, Interval.of(v)));
        String evaluatedOn = (complete ? outcomes.size() + " held-out folds (" : outcomes.size() + " of " + futures.size() + " held-out folds (")
                + folds.k() + "-fold" + (repeats > 1 ? " x " + repeats + " repeats" : "") + ")"
                + (complete ? "" : String.format(Locale.ROOT, ", stopped: behind logreg by more than %.3f AUC on each", BEHIND_BY))
                + (candidate.sampled() && data.rows() > TreeModel.SAMPLE_CAP ? ", trained on a sample of at most " + TreeModel.SAMPLE_CAP + " rows" : "");
        return new Evaluation.CandidateResult(candidate.name(), candidate.description(), metrics, confusion,
                millis / outcomes.size(), evaluatedOn);
    }

    private FoldOutcome runFold(Candidate candidate, int repeat, int fold) {
        long start = System.nanoTime();
        int[] train = folds.train(repeat, fold);
        int[] test = folds.test(repeat, fold);
        BinaryModel model = candidate.fitter().fit(data, train, request.seed() + 31L * repeat + fold);
        long millis = (System.nanoTime() - start) / 1_000_000;
        double[] p = predict(model, test);
        int[] truth = new int[test.length];
        for (int i = 0; i < test.length; i++) truth[i] = y[test[i]];
        return new FoldOutcome(test, p, BinaryMetrics.of(truth, p), millis);
    }

    double[] predict(BinaryModel model, int[] rows) {
        if (model instanceof TreeModel tree) return tree.probabilities(data, rows);
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) p[i] = model.probability(data, rows[i]);
        return p;
    }

    /** The tasks' results in order, reporting each as it is collected. */
    private <T> List<T> getAll(List<Future<T>> futures, String stage) {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(ParallelTasks.get(future));
            progress.progress("cross-validation: " + stage, ++tasksDone, tasksTotal);
        }
        return results;
    }

    private List<Future<long[][]>> submitCategories(ParallelTasks pool) {
        LogisticTrainer.Params params = LogisticTrainer.Params.forRows(data.rows());
        List<Future<long[][]>> tasks = new ArrayList<>();
        for (int f = 0; f < folds.k(); f++) {
            int fold = f;
            tasks.add(pool.submit(() -> {
                CategoryModel model = CategoryModel.fit(data, folds.train(0, fold), params, request.seed() + fold);
                long[][] confusion = new long[CategoryModel.K][CategoryModel.K];
                for (int row : folds.test(0, fold)) {
                    double[] p = model.probabilities(data, row);
                    int best = 0;
                    for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
                    confusion[data.categoryIndex(row)][best]++;
                }
                return confusion;
            }));
        }
        return tasks;
    }

    private Evaluation.CategoryResult categories(List<Future<long[][]>> tasks) {
        List<long[][]> perFold = getAll(tasks, "five categories");
        long[][] total = new long[CategoryModel.K][CategoryModel.K];
        double[] macro = new double[perFold.size()];
        double[] accuracy = new double[perFold.size()];
        for (int i = 0; i < perFold.size(); i++) {
            long[][] m = perFold.get(i);
            double f1Sum = 0;
            long correct = 0, all = 0;
            for (int c = 0; c < CategoryModel.K; c++) {
                long tp = m[c][c], predicted = 0, actual = 0;
                for (int o = 0; o < CategoryModel.K; o++) {
                    predicted += m[o][c];
                    actual += m[c][o];
                    total[c][o] += m[c][o];
                    all += m[c][o];
                }
                correct += tp;
                f1Sum += BinaryMetrics.f1(predicted == 0 ? 0 : (double) tp / predicted, actual == 0 ? 0 : (double) tp / actual);
            }
            macro[i] = f1Sum / CategoryModel.K;
            accuracy[i] = (double) correct / all;
        }
        List<String> names = Arrays.stream(OutcomeCategory.values()).map(OutcomeCategory::code).toList();
        return new Evaluation.CategoryResult(names, Interval.of(macro), Interval.of(accuracy), total);
    }

    /** The ROC curve of out-of-fold predictions, as at most ~100 (false positive rate, true positive rate) points. */
    private List<double[]> roc(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        long positives = Arrays.stream(y).sum(), negatives = y.length - positives;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0, fp = 0;
        int step = Math.max(1, p.length / 100);
        for (int i = 0; i < order.length; i++) {
            if (y[order[i]] == 1) tp++; else fp++;
            boolean boundary = i + 1 == order.length || p[order[i + 1]] != p[order[i]];
            if (boundary && (i % step == 0 || i + 1 == order.length)) {
                points.add(new double[] {negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives});
            }
        }
        return points;
    }

    private List<Evaluation.CalibrationBin> calibrationBins(double[] p, Calibration platt) {
        int bins = 10;
        long[] count = new long[bins];
        double[] predicted = new double[bins], calibrated = new double[bins], observed = new double[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            count[b]++;
            predicted[b] += p[i];
            calibrated[b] += platt.apply(p[i]);
            observed[b] += y[i];
        }
        List<Evaluation.CalibrationBin> list = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) continue;
            list.add(new Evaluation.CalibrationBin((double) b / bins, (double) (b + 1) / bins, count[b], predicted[b] / count[b],
                    calibrated[b] / count[b], observed[b] / count[b]));
        }
        return list;
    }
}
