package com.outcomedesk.monitor;

import java.util.List;

/**
 * Drift of one feature group in one period against its reference ({@code reference}: "training" for the data the
 * active model was trained on, else "period YYYY-MM", the first period with enough predictions). {@code psi} is the
 * population stability index (null for text, measured by {@code unseenShare}); {@code ksStatistic} and {@code pValue}
 * are the two-sample Kolmogorov-Smirnov test, for the predicted probability only; {@code newTerms} are the period's
 * most frequent tokens never seen in the reference.
 */
public record DriftFinding(String period, String feature, String reference, long n, Double psi, Double ksStatistic,
                           Double pValue, Double unseenShare, List<String> newTerms, boolean flagged) {
}
