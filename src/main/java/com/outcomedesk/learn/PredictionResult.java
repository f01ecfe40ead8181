package com.outcomedesk.learn;

import java.util.List;
import java.util.Map;

/**
 * One prediction. {@code probability} is the calibrated probability of a worse outcome; {@code category}
 * the likeliest of the five; {@code modelVersion} is null when the doctor-rate baseline answered;
 * {@code fallbackReason} says why the active version did not answer, when it did not.
 */
public record PredictionResult(String label, double probability, String category, Map<String, Double> categoryProbabilities,
                               String riskTier, Integer modelVersion, String answeredBy, String fallbackReason,
                               boolean doctorKnown, String doctorNote, List<Contribution> explanation, long latencyMicros) {
}
