package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import java.util.List;
import java.util.Map;

/**
 * One prediction. {@code probability} is the calibrated probability of a worse outcome; the five
 * {@code categoryProbabilities} are consistent with it (P(poor) + P(critical) = probability), and {@code category} is
 * the likeliest category on the side of {@code label}, so label, tier and category never contradict each other.
 * {@code agreement} says how the category model alone would have leant. {@code explanation} holds every factor,
 * strongest first, as signed weights on the calibrated log-odds: {@code baseValue} plus all weights is exactly
 * logit(probability). {@code whyNot} is the strongest factor against the answer, if any. {@code modelVersion} is
 * null when the doctor-rate baseline answered; {@code fallbackReason} says why the active version did not answer,
 * when it did not. {@code latencyMicros} is the engine's own time for this prediction (featurising, scoring,
 * explaining), not the screen's or the network's.
 */
public record PredictionResult(String label, double probability, String category, Map<String, Double> categoryProbabilities,
                               String riskTier, Integer modelVersion, String answeredBy, String fallbackReason,
                               boolean doctorKnown, String doctorNote, List<Contribution> explanation, long latencyMicros,
                               double baseValue, Contribution whyNot, TaskAgreement agreement) {

    /** A result without a computed base value (tests and stored answers): the agreement is read off the categories. */
    public PredictionResult(String label, double probability, String category, Map<String, Double> categoryProbabilities,
                            String riskTier, Integer modelVersion, String answeredBy, String fallbackReason,
                            boolean doctorKnown, String doctorNote, List<Contribution> explanation, long latencyMicros) {
        this(label, probability, category, categoryProbabilities, riskTier, modelVersion, answeredBy, fallbackReason, doctorKnown,
                doctorNote, explanation, latencyMicros, Double.NaN, null, TaskAgreement.of(probability,
                        categoryProbabilities.getOrDefault(OutcomeCategory.POOR.code(), 0.0)
                                + categoryProbabilities.getOrDefault(OutcomeCategory.CRITICAL.code(), 0.0)));
    }
}
