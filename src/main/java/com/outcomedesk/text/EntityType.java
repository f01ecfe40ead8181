package com.outcomedesk.text;

import java.util.Locale;

/** Kinds of clinical entities found in summaries; each has its dictionary file {@code text/dictionary/<name>.tsv}. */
public enum EntityType {
    CONDITION, SYMPTOM, TEST, MEDICATION, REFERRAL, TREATMENT, PLAN, FINDING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
