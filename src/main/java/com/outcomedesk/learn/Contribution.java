package com.outcomedesk.learn;

/**
 * One factor of an explanation: what the clinician wrote (a word, an entity phrase with its negation such as "No chest
 * pain", a duration) or a factor beside the text (the doctor, the appointment date, no follow-up stated), with its
 * signed weight on the log-odds of a worse outcome (positive pushes towards worse); for trees also what the note does not
 * state. {@code start}/{@code end} are the
 * phrase's character span in the summary, -1 for factors beside the text.
 */
public record Contribution(String term, double weight, Kind kind, int start, int end) {
    public enum Kind {
        /** Words of the summary. */
        PHRASE,
        /** The doctor's own effect. */
        DOCTOR,
        /** The appointment month and season. */
        DATE,
        /** No follow-up interval was stated in the summary. */
        FOLLOW_UP,
        /**
         * What trees weigh that the note does not state: entity features it leaves out, an unknown doctor's overall
         * rate, a missing date (tree models from artifact format 5 on).
         */
        NOT_STATED,
        /** The patient's earlier appointments and outcomes (models trained with patient history). */
        HISTORY
    }

    /** A factor without a span in the summary. */
    public Contribution(String term, double weight) {
        this(term, weight, Kind.PHRASE, -1, -1);
    }

    Contribution scaled(double factor) {
        return new Contribution(term, weight * factor, kind, start, end);
    }
}
