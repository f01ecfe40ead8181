package com.outcomedesk.learn;

/**
 * How the five-category model's own view of worse (its P(poor) + P(critical), before it is made consistent with the
 * calibrated better/worse probability) relates to that probability. The answer shown is always the calibrated one;
 * this says when the category model, left alone, would have leant another way or much more or less strongly.
 */
public record TaskAgreement(Kind kind, double worse, double worseByCategories) {
    /** Below this gap both models lean the same way with about the same strength. */
    public static final double STRENGTH_GAP = 0.15;

    public enum Kind {
        /** Same side of 0.5, within {@link #STRENGTH_GAP}. */
        AGREE,
        /** Same side, but the category model sees clearly more risk of worse. */
        CATEGORIES_STRONGER,
        /** Same side, but the category model sees clearly less risk of worse. */
        CATEGORIES_WEAKER,
        /** The category model alone would lean to the other side of 0.5. */
        OPPOSITE
    }

    public static TaskAgreement of(double worse, double worseByCategories) {
        Kind kind;
        if ((worse >= 0.5) != (worseByCategories >= 0.5)) kind = Kind.OPPOSITE;
        else if (worseByCategories - worse >= STRENGTH_GAP) kind = Kind.CATEGORIES_STRONGER;
        else if (worse - worseByCategories >= STRENGTH_GAP) kind = Kind.CATEGORIES_WEAKER;
        else kind = Kind.AGREE;
        return new TaskAgreement(kind, worse, worseByCategories);
    }
}
