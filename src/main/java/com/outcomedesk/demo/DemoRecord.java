package com.outcomedesk.demo;

import com.outcomedesk.outcome.OutcomeCategory;
import java.time.LocalDate;

/**
 * A generated appointment with its ground truth: the true probability of a worse outcome and the
 * category drawn from it. {@code outcome} is null for appointments whose outcome is not known yet.
 */
public record DemoRecord(String id, String doctorId, String patientRef, LocalDate appointmentDate, String summary,
                         String outcome, OutcomeCategory trueCategory, double probabilityWorse) {
}
