package com.outcomedesk.outcome;

import java.util.Locale;

/** How an outcome's category was found, so guesses stay visible for review. */
public enum OutcomeSource {
    /** An exact match in the outcome mapping table. */
    MAPPED,
    /** A keyword rule classified an unseen phrasing; an administrator should confirm it. */
    KEYWORD,
    /** No mapping or rule applied; the outcome has no category until an administrator maps it. */
    UNMAPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutcomeSource fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
