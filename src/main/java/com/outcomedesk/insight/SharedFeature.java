package com.outcomedesk.insight;

/**
 * A reason why diseases are alike: a feature ({@code type} symptom, test, medication, treatment, referral or
 * outcome) found in {@code groupShare} of their appointments on average, against {@code overallShare} of all
 * appointments that mention a disease.
 */
public record SharedFeature(String type, String name, double groupShare, double overallShare) {
}
