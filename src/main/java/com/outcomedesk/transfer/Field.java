package com.outcomedesk.transfer;

import java.util.Locale;
import java.util.Optional;

/** The record fields we understand, with the spellings users' files commonly use for them. */
public enum Field {
    ID("id", "id", "recordid", "appointmentid"),
    DOCTOR_ID("doctor_id", "doctorid", "doctor", "physician", "physicianid", "clinician", "clinicianid"),
    SUMMARY("summary", "summary", "note", "notes", "appointmentsummary", "text"),
    OUTCOME("future_outcome", "futureoutcome", "outcome", "outcometext"),
    PATIENT_REF("patient_ref", "patientref", "patient", "patientid", "patientreference"),
    APPOINTMENT_DATE("appointment_date", "appointmentdate", "date", "visitdate");

    private final String canonical;
    private final String[] aliases;

    Field(String canonical, String... aliases) {
        this.canonical = canonical;
        this.aliases = aliases;
    }

    /** The name written on export, as in the reference format. */
    public String canonical() {
        return canonical;
    }

    /** Matches a key ignoring case, spaces, dashes and underscores; empty for an unknown key. */
    public static Optional<Field> of(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (Field f : values()) {
            for (String alias : f.aliases) {
                if (alias.equals(k)) return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
