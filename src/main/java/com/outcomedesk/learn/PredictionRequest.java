package com.outcomedesk.learn;

import com.outcomedesk.errors.InvalidRequestException;
import java.time.LocalDate;

/**
 * An appointment to predict: the doctor (may be unknown to the model), the summary, optionally the date and the patient
 * reference (with both, a model trained with patient history looks up the patient's earlier appointments).
 */
public record PredictionRequest(String doctorId, String summary, LocalDate date, String patientRef) {
    /** Field names in refusals. */
    public static final String DOCTOR_ID = "doctorId";
    public static final String SUMMARY = "summary";

    public PredictionRequest {
        if (doctorId == null || doctorId.isBlank()) throw InvalidRequestException.missing(DOCTOR_ID);
        if (summary == null || summary.isBlank()) throw InvalidRequestException.missing(SUMMARY);
        patientRef = patientRef == null || patientRef.isBlank() ? null : patientRef.strip();
    }

    /** An appointment without a patient reference. */
    public PredictionRequest(String doctorId, String summary, LocalDate date) {
        this(doctorId, summary, date, null);
    }
}
