package com.outcomedesk.report;

import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionResult;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What a prediction report holds.
 *
 * @param appointmentId the stored appointment predicted, or null for a typed one
 * @param patientRef    the patient reference, or null when there is none
 * @param date          the appointment date, or null
 * @param model         the version that answered, or null when the doctor-rate baseline did
 * @param reading       how the better/worse and category answers relate, as the screen said it
 */
public record PredictionReport(UUID appointmentId, String doctorId, LocalDate date, String patientRef, String summary,
                               PredictionResult result, String reading, ModelVersionInfo model,
                               OffsetDateTime createdAt, String createdBy) {
    public PredictionReport {
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
