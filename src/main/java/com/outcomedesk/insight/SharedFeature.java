package com.outcomedesk.insight;

/**
 * A reason why diseases are alike: a clinical feature ({@code type} symptom, finding, test, medication, treatment, plan
 * or referral) found in {@code groupShare} of the group's appointments, against {@code overallShare} of all appointments
 * that mention a disease.
 */
public record SharedFeature(String type, String name, double groupShare, double overallShare) {
}
