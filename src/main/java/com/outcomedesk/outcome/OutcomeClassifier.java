package com.outcomedesk.outcome;

import java.util.Map;

/**
 * Maps outcome text to a category: exact (normalised) matches from the mapping table first,
 * then keyword rules marked as such, else unmapped. Never guesses silently.
 */
public final class OutcomeClassifier {
    private final Map<String, OutcomeCategory> mappings;
    private final KeywordRules rules;

    /** @param mappings normalised outcome text to category, as stored in the mapping table */
    public OutcomeClassifier(Map<String, OutcomeCategory> mappings, KeywordRules rules) {
        this.mappings = Map.copyOf(mappings);
        this.rules = rules;
    }

    /** Returns null for a blank text: the outcome is not known yet. */
    public OutcomeClassification classify(String outcomeText) {
        if (outcomeText == null || outcomeText.isBlank()) return null;
        String normalized = OutcomeText.normalize(outcomeText);
        OutcomeCategory mapped = mappings.get(normalized);
        if (mapped != null) return new OutcomeClassification(mapped, OutcomeSource.MAPPED);
        return rules.classify(normalized)
                .map(c -> new OutcomeClassification(c, OutcomeSource.KEYWORD))
                .orElse(OutcomeClassification.UNMAPPED);
    }
}
