package com.outcomedesk.insight;

import java.util.Map;

/**
 * What goes with one disease across the summaries that mention it (not negated): how many appointments,
 * in how many of them each co-occurring feature appears (keys {@code type:name}, e.g. {@code symptom:cough}),
 * and the outcome mix of those with a known outcome (category code to count, best first).
 */
public record DiseaseProfile(String name, long appointments, Map<String, Long> features, Map<String, Long> outcomeMix) {

    public long withOutcome() {
        return outcomeMix.values().stream().mapToLong(Long::longValue).sum();
    }
}
