package com.outcomedesk.outcome;

/** The category found for an outcome text (null when unmapped) and how it was found. */
public record OutcomeClassification(OutcomeCategory category, OutcomeSource source) {
    public static final OutcomeClassification UNMAPPED = new OutcomeClassification(null, OutcomeSource.UNMAPPED);
}
