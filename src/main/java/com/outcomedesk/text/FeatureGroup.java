package com.outcomedesk.text;

/** Groups of features, so an ablation can train on the doctor alone, the summary alone, or both. */
public enum FeatureGroup {
    /** Normalised summary unigrams and bigrams. */
    TEXT,
    /** Clinical entities from the dictionaries, negation-marked, and the follow-up interval bucket. */
    ENTITY,
    /** The doctor, one-hot (hashed). */
    DOCTOR,
    /** Month and season of the appointment date, when present. */
    DATE,
    /** The patient's earlier appointments and outcomes (package {@code history}); models trained with it only. */
    HISTORY
}
