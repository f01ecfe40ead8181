package com.outcomedesk.learn;

import java.util.Set;

/**
 * What a model version's artifact holds: the selected binary model, its Platt calibration, the
 * five-category model (or, for the store baseline, only the category shares), the feature space and
 * the doctors seen in training (others are "unknown").
 */
public record TrainedModel(String algorithm, int hashBits, BinaryModel binary, Calibration calibration,
                           CategoryModel categories, double[] categoryShares, Set<String> knownDoctors) {
}
