package com.outcomedesk.learn;

import com.outcomedesk.errors.InvalidRequestException;
import java.time.LocalDate;

/** An appointment to predict: the doctor (may be unknown to the model), the summary and optionally the date. */
public record PredictionRequest(String doctorId, String summary, LocalDate date) {
    /** Field names in refusals. */
    public static final String DOCTOR_ID = "doctorId";
    public static final String SUMMARY = "summary";

    public PredictionRequest {
        if (doctorId == null || doctorId.isBlank()) throw InvalidRequestException.missing(DOCTOR_ID);
        if (summary == null || summary.isBlank()) throw InvalidRequestException.missing(SUMMARY);
    }
}
