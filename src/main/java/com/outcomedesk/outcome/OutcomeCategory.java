package com.outcomedesk.outcome;

import java.util.Locale;

/** The five outcome levels, their 1..5 scores and their binary label. */
public enum OutcomeCategory {
    CRITICAL(1, OutcomeLabel.WORSE),
    POOR(2, OutcomeLabel.WORSE),
    NEUTRAL(3, OutcomeLabel.BETTER),
    GOOD(4, OutcomeLabel.BETTER),
    EXCELLENT(5, OutcomeLabel.BETTER);

    private final int score;
    private final OutcomeLabel label;
    /** Made once: every scored row writes its five codes. */
    private final String code = name().toLowerCase(Locale.ROOT);

    OutcomeCategory(int score, OutcomeLabel label) {
        this.score = score;
        this.label = label;
    }

    public int score() {
        return score;
    }

    public OutcomeLabel label() {
        return label;
    }

    public String code() {
        return code;
    }

    /** Parses a category code, case-insensitively; the message lists the valid codes. */
    public static OutcomeCategory fromCode(String code) {
        for (OutcomeCategory c : values()) {
            if (c.code().equalsIgnoreCase(code == null ? "" : code.trim())) return c;
        }
        throw new IllegalArgumentException("Unknown outcome category '" + code
                + "': use one of excellent, good, neutral, poor, critical");
    }
}
