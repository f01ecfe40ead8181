package com.outcomedesk.transfer;

import java.util.HashMap;
import java.util.Map;
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

    private static final Map<String, Field> BY_ALIAS = new HashMap<>();

    static {
        for (Field f : values()) {
            for (String alias : f.aliases) BY_ALIAS.put(alias, f);
        }
    }

    /** Matches a key ignoring case, spaces, dashes and underscores; empty for an unknown key. */
    public static Optional<Field> of(String key) {
        StringBuilder k = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = Character.toLowerCase(key.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) k.append(c);
        }
        return Optional.ofNullable(BY_ALIAS.get(k.toString()));
    }
}
