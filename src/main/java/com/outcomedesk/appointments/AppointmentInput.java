package com.outcomedesk.appointments;

import com.outcomedesk.store.Appointment;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a user enters for an appointment; {@link #problems()} says what is wrong, field by field. */
public record AppointmentInput(String doctorId, String summary, LocalDate appointmentDate, String patientRef,
                               String outcomeText) {

    public static final String DOCTOR = "doctor";
    public static final String SUMMARY = "summary";
    public static final String DATE = "date";
    public static final String OUTCOME = "outcome";
    public static final String PATIENT = "patient";

    /** Field name to a message a user can act on; empty when the input can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (isBlank(doctorId)) problems.put(DOCTOR, "Enter the doctor's id.");
        else if (doctorId.strip().length() > Appointment.MAX_DOCTOR_ID_LENGTH)
            problems.put(DOCTOR, "The doctor id is longer than " + Appointment.MAX_DOCTOR_ID_LENGTH + " characters.");
        if (isBlank(summary)) problems.put(SUMMARY, "Enter the appointment summary.");
        else if (summary.length() > Appointment.MAX_SUMMARY_LENGTH)
            problems.put(SUMMARY, "The summary has " + summary.length() + " characters; shorten it to at most "
                    + Appointment.MAX_SUMMARY_LENGTH + ".");
        if (outcomeText != null && outcomeText.length() > Appointment.MAX_OUTCOME_LENGTH)
            problems.put(OUTCOME, "The outcome has " + outcomeText.length() + " characters; shorten it to at most "
                    + Appointment.MAX_OUTCOME_LENGTH + ".");
        if (patientRef != null && patientRef.length() > 200)
            problems.put(PATIENT, "The patient reference is longer than 200 characters.");
        return problems;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
