package com.outcomedesk.learn;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Time-ordered validation beside the random folds: the selected candidate is fitted on the appointments dated before
 * a cut-off and scored on the most recent fifth (by appointment date), so it never learns from the future it is
 * judged on. Random folds mix past and future; when this figure is lower it is the honest estimate for what comes
 * next. Appointments without a date cannot be placed in time and take part in neither side.
 */
public final class TimeOrderedSplit {
    /** The share of dated appointments, the most recent ones, held out. */
    static final double HOLDOUT = 0.2;
    /** Fewer rows on either side measure nothing useful. */
    static final int MIN_ROWS = 50;
    /** Below the cross-validated AUC by more than this, the note says the future looks worse. */
    static final double WORSE_BY = 0.02;

    private TimeOrderedSplit() {
    }

    /** What the split measured: held out from {@code cutoff} on; {@code worse} when clearly below the folds' AUC. */
    public record Result(LocalDate cutoff, int trainRows, int testRows, double auc, double cvAuc, boolean worse) {
        String note() {
            return String.format(Locale.ROOT, "Time-ordered validation (trained on %,d appointments before %s, tested on "
                    + "the %,d from then on): AUC %.3f against %.3f over random folds%s", trainRows, cutoff, testRows, auc,
                    cvAuc, worse ? "; WORSE: expect the lower figure on future appointments, the random folds flatter."
                            : "; no worse than the folds.");
        }
    }

    /**
     * The most recent fifth held out, the selected candidate fitted on the rest and its (uncalibrated) probabilities on
     * the held-out rows; {@code y} are their labels.
     */
    record Holdout(LocalDate cutoff, int[] train, int[] test, int[] y, double[] p) {
    }

    /** What a holdout measured, against the folds' AUC. */
    static Result result(Holdout h, double cvAuc) {
        double auc = BinaryMetrics.auc(h.y(), h.p());
        return new Result(h.cutoff(), h.train().length, h.test().length, auc, cvAuc, auc < cvAuc - WORSE_BY);
    }

    /**
     * The held-out split and the candidate's predictions on it. Empty when too few dated rows (or only one outcome class
     * among the recent ones) to measure, or when the dates (read separately) no longer line up with the rows because
     * appointments were labelled in between.
     */
    static Optional<Holdout> holdout(Dataset data, LocalDate[] dates, Candidate selected, long seed) {
        if (dates.length != data.rows()) return Optional.empty();
        LocalDate[] dated = Arrays.stream(dates).filter(d -> d != null).sorted().toArray(LocalDate[]::new);
        if (dated.length < 2 * MIN_ROWS) return Optional.empty();
        LocalDate cutoff = dated[(int) Math.floor(dated.length * (1 - HOLDOUT))];
        int[] train = IntStream.range(0, data.rows()).filter(i -> dates[i] != null && dates[i].isBefore(cutoff)).toArray();
        int[] test = IntStream.range(0, data.rows()).filter(i -> dates[i] != null && !dates[i].isBefore(cutoff)).toArray();
        if (train.length < MIN_ROWS || test.length < MIN_ROWS) return Optional.empty();
        int[] y = Arrays.stream(test).map(data::worse).toArray();
        if (Arrays.stream(y).distinct().count() < 2) return Optional.empty();
        BinaryModel model = selected.fitter().fit(data, train, seed);
        double[] p = Arrays.stream(test).mapToDouble(i -> model.probability(data, i)).toArray();
        return Optional.of(new Holdout(cutoff, train, test, y, p));
    }
}
