package com.outcomedesk.learn;

import com.outcomedesk.text.Featurizer;
import java.util.Set;

/**
 * What a model version's artifact holds: the selected binary model, its Platt calibration, the
 * five-category model (or, for the store baseline, only the category shares), the feature space (hash bits and
 * the featurizer version it was trained with: a model is always fed the features it learned from), the doctors
 * seen in training (others are "unknown"), how it was made ({@code provenance}: null for the store baseline
 * and for artifacts saved before format 3) and the patient-history features it was trained with
 * ({@code historyVersion}, {@link com.outcomedesk.history.HistoryFeatures#VERSION}; 0 for none, as every artifact
 * before format 6: such a model is fed no history and predicts as it always did).
 */
public record TrainedModel(String algorithm, int hashBits, BinaryModel binary, Calibration calibration,
                           CategoryModel categories, double[] categoryShares, Set<String> knownDoctors,
                           ModelProvenance provenance, int featureVersion, int historyVersion) {

    public TrainedModel(String algorithm, int hashBits, BinaryModel binary, Calibration calibration, CategoryModel categories,
                        double[] categoryShares, Set<String> knownDoctors, ModelProvenance provenance, int featureVersion) {
        this(algorithm, hashBits, binary, calibration, categories, categoryShares, knownDoctors, provenance, featureVersion, 0);
    }

    /** A model of the current feature version without provenance: fitted, but not yet saved as a version of its own. */
    public TrainedModel(String algorithm, int hashBits, BinaryModel binary, Calibration calibration, CategoryModel categories,
                        double[] categoryShares, Set<String> knownDoctors) {
        this(algorithm, hashBits, binary, calibration, categories, categoryShares, knownDoctors, null, Featurizer.VERSION);
    }

    public TrainedModel withProvenance(ModelProvenance p) {
        return new TrainedModel(algorithm, hashBits, binary, calibration, categories, categoryShares, knownDoctors, p, featureVersion,
                historyVersion);
    }

    /** The same model, fed the patient-history features of this version (0: none). */
    public TrainedModel withHistoryVersion(int version) {
        return new TrainedModel(algorithm, hashBits, binary, calibration, categories, categoryShares, knownDoctors, provenance,
                featureVersion, version);
    }

    public boolean usesPatientHistory() {
        return historyVersion > 0;
    }

    public TrainedModel withFeatureVersion(int version) {
        return new TrainedModel(algorithm, hashBits, binary, calibration, categories, categoryShares, knownDoctors, provenance, version,
                historyVersion);
    }
}
