package com.outcomedesk.outcome;

/** The binary outcome the model predicts. Neutral counts as better, as in the reference. */
public enum OutcomeLabel {
    BETTER, WORSE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OutcomeLabel fromCode(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
