package com.outcomedesk.history;

import com.outcomedesk.outcome.OutcomeCategory;
import java.util.Locale;

/**
 * An appointment's patient history, from the patient's appointments dated strictly before it.
 *
 * @param earlier           earlier appointments (with or without a known outcome)
 * @param daysSincePrevious days since the latest earlier appointment, -1 when there is none
 * @param known             earlier appointments whose outcome was known
 * @param worse             of those, how many were worse (poor or critical)
 * @param last              the latest earlier known outcome (the most severe of that day's), null when none
 */
public record PatientHistory(State state, int earlier, int daysSincePrevious, int known, int worse, OutcomeCategory last) {
    /** Counts are kept up to this (a patient with more earlier appointments reads as this many). */
    public static final int MAX_COUNT = 4_095;
    /** Days since the previous appointment are kept up to this. */
    public static final int MAX_DAYS = 100_000;

    public enum State {
        /** No patient reference or no date: nothing can be said about the patient's past. */
        NONE,
        /** The patient's first appointment in the store. */
        FIRST,
        /** The patient has earlier appointments. */
        EARLIER
    }

    /** The history of an appointment that has no patient reference or no date. */
    public static final PatientHistory NONE = new PatientHistory(State.NONE, 0, -1, 0, 0, null);
    /** The history of a patient's first appointment. */
    public static final PatientHistory FIRST = new PatientHistory(State.FIRST, 0, -1, 0, 0, null);

    public PatientHistory {
        if (state != State.EARLIER && (earlier != 0 || known != 0 || last != null)) {
            throw new IllegalArgumentException("only a history with earlier appointments has counts");
        }
        if (state == State.EARLIER && (earlier < 1 || daysSincePrevious < 1)) {
            throw new IllegalArgumentException("earlier appointments lie at least one day before");
        }
        if (known > earlier || worse > known || (last == null) != (known == 0)) {
            throw new IllegalArgumentException("known outcomes must be among the earlier appointments");
        }
    }

    /** Share of earlier known outcomes that were worse; NaN when none was known. */
    public double worseShare() {
        return known == 0 ? Double.NaN : (double) worse / known;
    }

    /** The history in words, as an explanation names it: "2 earlier worse outcomes of 3 known (last: poor), ...". */
    public String describe() {
        return switch (state) {
            case NONE -> "no patient history (no patient reference or date)";
            case FIRST -> "first appointment of this patient";
            case EARLIER -> (known == 0 ? "no earlier outcome known"
                    : worse + " earlier worse outcome" + (worse == 1 ? "" : "s") + " of " + known + " known (last: "
                    + last.code() + ")") + String.format(Locale.ROOT, ", %d earlier appointment%s, the previous %d day%s before",
                    earlier, earlier == 1 ? "" : "s", daysSincePrevious, daysSincePrevious == 1 ? "" : "s");
        };
    }
}
