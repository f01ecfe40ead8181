package com.outcomedesk.insight;

import java.util.Map;

/**
 * One doctor in a ranking. The weighted-score columns come from the reference method; the rate
 * columns from the funnel method (shrunken rate and its 95% interval {@code lower}..{@code upper},
 * the 99.8% control limits at this doctor's volume, and the Holm-adjusted p-value of the deviation).
 * {@code outlier} is decided by {@code method}; {@code outcomeMix} counts outcomes per category, best first.
 */
public record DoctorRow(String doctorId, int rank, long cases, double averageScore, double weightedScore,
                        double zScore, double worseRate, double shrunkRate, double lower, double upper,
                        double controlLower, double controlUpper, Double adjustedP, Outlier outlier,
                        String method, Map<String, Long> outcomeMix) {
}
