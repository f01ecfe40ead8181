package com.outcomedesk.learn;

import com.outcomedesk.errors.InvalidRequestException;

/**
 * What to train: the algorithm (auto compares all candidates and keeps the best by AUC), the number of
 * folds (repeated 5 times below {@link #REPEAT_BELOW} labelled rows), whether to activate the result,
 * the seed and the size of the hashed feature space.
 */
public record TrainingRequest(Algorithm algorithm, int folds, boolean activate, long seed, int hashBits) {
    public static final int REPEAT_BELOW = 5_000;
    public static final int DEFAULT_BITS = 18;
    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 20;
    /** Field name in refusals. */
    public static final String FOLDS = "folds";

    public enum Algorithm { AUTO, LOGREG, FOREST, GBM }

    public TrainingRequest {
        if (folds < MIN_FOLDS || folds > MAX_FOLDS) throw InvalidRequestException.outOfRange(FOLDS, MIN_FOLDS, MAX_FOLDS);
    }

    public static TrainingRequest defaults() {
        return new TrainingRequest(Algorithm.AUTO, 5, false, 42, DEFAULT_BITS);
    }

    public TrainingRequest withAlgorithm(Algorithm a) {
        return new TrainingRequest(a, folds, activate, seed, hashBits);
    }

    int repeatsFor(int rows) {
        return rows < REPEAT_BELOW ? 5 : 1;
    }
}
