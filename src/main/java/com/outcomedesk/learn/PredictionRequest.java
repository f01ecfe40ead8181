package com.outcomedesk.learn;

import java.time.LocalDate;

/** An appointment to predict: the doctor (may be unknown to the model), the summary and optionally the date. */
public record PredictionRequest(String doctorId, String summary, LocalDate date) {
    public PredictionRequest {
        if (doctorId == null || doctorId.isBlank()) throw new IllegalArgumentException("Give the doctor id (--doctor).");
        if (summary == null || summary.isBlank()) throw new IllegalArgumentException("Give the appointment summary (--summary).");
    }
}
