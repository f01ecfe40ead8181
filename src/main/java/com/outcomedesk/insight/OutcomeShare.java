package com.outcomedesk.insight;

/**
 * How often a group's appointments with a known outcome ended in {@code category}, against all appointments that
 * mention a disease. Shown beside a group's reasons, never as one: outcomes do not make diseases alike.
 */
public record OutcomeShare(String category, double groupShare, double overallShare) {
}
