package com.outcomedesk.insight;

/** Control limits of the worse-outcome rate for a doctor with {@code cases} cases: one point of the funnel curves. */
public record FunnelLimit(long cases, double lower95, double upper95, double lower998, double upper998) {
}
