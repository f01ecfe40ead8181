package com.outcomedesk.learn;

import com.outcomedesk.history.HistoryFeatures;
import com.outcomedesk.text.EntityType;
import com.outcomedesk.text.Featurizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;

/**
 * How a model was made, carried inside its signed artifact (as a Tribuo model carries its provenance), so that the
 * artifact itself says what it is wherever it is copied or synced: the selected algorithm (a candidate name: a
 * baseline can win) and the algorithm choice that was asked for, the fitted parameters, the feature space, the data
 * fingerprint and size, the cross-validation, who trained it, the library and application versions, and when.
 * Parameters are kept as text, exactly as they were shown, so the artifact never carries data-chosen types.
 */
public record ModelProvenance(String algorithm, TrainingRequest.Algorithm requested, Map<String, String> parameters,
                              FeatureSpec featureSpec, String dataFingerprint, long rows, int worseRows, int folds, int repeats,
                              long seed, String trainer, Map<String, String> libraries, String applicationVersion,
                              OffsetDateTime trainedAt, long durationMs) {

    /**
     * The feature space: 2^hashBits hashed features over n-grams of the summary up to {@code maxNgram} words, the
     * clinical entities of the shipped dictionary (identified by a SHA-256 of its files), the description stored
     * with every model, and the patient-history feature group with its rule for "known" ({@code patientHistory}; null
     * for a model without it, as for every artifact before format 6).
     */
    public record FeatureSpec(int hashBits, int maxNgram, String entityDictionary, String description, String patientHistory) {
        /** The featurizer's n-grams: unigrams and bigrams (see {@link Featurizer#specDescription}). */
        static final int MAX_NGRAM = 2;

        public FeatureSpec(int hashBits, int maxNgram, String entityDictionary, String description) {
            this(hashBits, maxNgram, entityDictionary, description, null);
        }

        public static FeatureSpec of(int hashBits) {
            return new FeatureSpec(hashBits, MAX_NGRAM, Dictionary.FINGERPRINT, Featurizer.specDescription(hashBits));
        }

        /** The current feature space, with the patient-history group when {@code patientHistory}. */
        public static FeatureSpec of(int hashBits, boolean patientHistory) {
            return patientHistory ? new FeatureSpec(hashBits, MAX_NGRAM, Dictionary.FINGERPRINT, Featurizer.specDescription(hashBits),
                    HistoryFeatures.specDescription()) : of(hashBits);
        }

        /** What the model version's feature-spec column shows: the description and the patient history, when used. */
        public String summary() {
            return patientHistory == null ? description : description + "; " + patientHistory;
        }
    }

    /** The shipped entity dictionary's files ({@code text/dictionary/<type>.tsv}, see {@link EntityType}), hashed once. */
    private static final class Dictionary {
        static final String FINGERPRINT = fingerprint();

        private static String fingerprint() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (EntityType type : EntityType.values()) {
                    String path = "/text/dictionary/" + type.code() + ".tsv";
                    try (InputStream in = ModelProvenance.class.getResourceAsStream(path)) {
                        if (in == null) throw new IllegalStateException(path + " is missing from the build");
                        digest.update(type.code().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update(in.readAllBytes());
                    }
                }
                return "sha256:" + HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
