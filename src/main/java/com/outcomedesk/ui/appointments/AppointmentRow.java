package com.outcomedesk.ui.appointments;

import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.StoredAppointment;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the table and the form show of one appointment: a detached copy, safe to use on the FX thread, with the
 * latest prediction saved for it (null when there is none, or when it was not read).
 */
public record AppointmentRow(UUID id, long rowVersion, String doctorId, LocalDate date, String patientRef,
                             String summary, String outcomeText, OutcomeCategory category,
                             PredictionService.Saved prediction) {

    public static AppointmentRow of(StoredAppointment a) {
        return of(a, null);
    }

    public static AppointmentRow of(StoredAppointment a, PredictionService.Saved prediction) {
        return new AppointmentRow(a.id(), a.rowVersion(), a.doctorId(), a.appointmentDate(), a.patientRef(),
                a.summary(), a.outcomeText(), a.outcomeCategory(), prediction);
    }

    /**
     * The latest saved prediction in a few words, its probability said to be of a worse outcome (as the prediction
     * screen does): "better: 27% worse, medium risk"; blank when there is none.
     */
    public String predictionText() {
        if (prediction == null) return "";
        return String.format("%s: %.0f%% worse%s", prediction.label(), prediction.probability() * 100,
                prediction.riskTier() == null ? "" : ", " + prediction.riskTier() + " risk");
    }

    public boolean outcomeKnown() {
        return outcomeText != null;
    }

    /** The category as shown: its code, "unmapped" for an outcome no rule covers, blank when unknown. */
    public String categoryText() {
        if (category != null) return category.code();
        return outcomeText == null ? "" : "unmapped";
    }
}
