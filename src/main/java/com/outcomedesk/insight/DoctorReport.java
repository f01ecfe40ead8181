package com.outcomedesk.insight;

import java.util.List;

/**
 * Everything the Doctors screen shows: the ranked rows (table, bar chart, outcome mix), the weighted-score
 * quartiles and fences (bar chart), and the funnel: overall worse-outcome rate, the between-doctor variance
 * {@code tau2} added to the binomial limits, and the limit curves ({@code limits} are the ones used for flagging).
 */
public record DoctorReport(RankingMethod method, List<DoctorRow> rows, ScoreSummary scores, double overallRate,
                           double tau2, int minCases, List<FunnelLimit> binomialLimits, List<FunnelLimit> limits) {
}
