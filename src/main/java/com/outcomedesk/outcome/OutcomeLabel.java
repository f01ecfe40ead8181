package com.outcomedesk.outcome;

/** The binary outcome the model predicts. Neutral counts as better, as in the reference. */
public enum OutcomeLabel {
    BETTER, WORSE;

    /** Made once: every scored row writes its code. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() {
        return code;
    }

    public static OutcomeLabel fromCode(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
