package com.outcomedesk.ui.appointments;

import com.outcomedesk.ui.support.DateStyle;

/** How the appointments screen describes one appointment, with its dates in the chosen style. */
final class AppointmentDetail {
    /** The detail pane's title while nothing is selected. */
    static final String NONE_SELECTED = "Select an appointment to read it in full.";

    private AppointmentDetail() {
    }

    /** Who, when, which patient, and the outcome so far: "D12, 15/03/2025, patient P7, outcome good". */
    static String title(AppointmentRow r, DateStyle style) {
        return r.doctorId() + (r.date() == null ? "" : ", " + style.format(r.date()))
                + (r.patientRef() == null ? "" : ", patient " + r.patientRef())
                + (r.outcomeText() == null ? ", outcome not yet known" : ", outcome " + r.categoryText());
    }

    /** The summary in full, then the outcome sentence and the latest saved prediction when there are any. */
    static String text(AppointmentRow r, DateStyle style) {
        return r.summary()
                + (r.outcomeText() == null ? "" : "\nOutcome: " + r.outcomeText())
                + (r.prediction() == null ? "" : "\nLatest saved prediction: " + r.predictionText()
                        + (r.prediction().category() == null ? "" : ", likeliest category " + r.prediction().category())
                        + ", saved " + style.format(r.prediction().savedAt().toLocalDate()));
    }

    /** The header of the Record outcome dialog. */
    static String outcomeHeader(AppointmentRow r, DateStyle style) {
        return "Outcome of " + r.doctorId() + "'s appointment" + (r.date() == null ? "" : " on " + style.format(r.date()));
    }
}
