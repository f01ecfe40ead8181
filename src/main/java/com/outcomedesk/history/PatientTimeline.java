package com.outcomedesk.history;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One patient's appointments fed in date order, answering each with its history: only appointments dated strictly
 * before count, so appointments on the same day do not see each other. The store does not record when an outcome was
 * entered, so an earlier appointment's outcome counts as known from the day after its appointment date (the rule
 * {@link #KNOWN_RULE} states, stored with every model that uses these features).
 */
public final class PatientTimeline {
    public static final String KNOWN_RULE = "an earlier appointment's outcome counts as known from the day after its "
            + "appointment date (the store does not record when an outcome was entered); at prediction time, the outcomes "
            + "the store holds then";

    private LocalDate day;
    private LocalDate previousDay;
    private int earlier, known, worse;
    private OutcomeCategory last;
    /** The appointments of {@link #day} not yet counted: they become history on the next day. */
    private int dayCount, dayKnown, dayWorse;
    private OutcomeCategory dayLast;

    /** The history of an appointment on {@code date} (not before the last one fed), then counts it. */
    public PatientHistory next(LocalDate date, OutcomeCategory category) {
        if (day != null && date.isBefore(day)) throw new IllegalArgumentException("appointments must come in date order");
        if (!date.equals(day)) {
            closeDay();
            day = date;
        }
        PatientHistory history = current(date);
        dayCount++;
        if (category != null) {
            dayKnown++;
            if (category.label() == OutcomeLabel.WORSE) dayWorse++;
            if (dayLast == null || category.score() < dayLast.score()) dayLast = category;
        }
        return history;
    }

    /** The history an appointment on {@code date} would have, after every appointment fed so far (all dated before it). */
    public PatientHistory at(LocalDate date) {
        if (day != null && !date.isAfter(day)) throw new IllegalArgumentException("the date must follow every appointment fed");
        closeDay();
        day = null;
        return current(date);
    }

    private PatientHistory current(LocalDate date) {
        if (earlier == 0) return PatientHistory.FIRST;
        long days = ChronoUnit.DAYS.between(previousDay, date);
        return new PatientHistory(PatientHistory.State.EARLIER, Math.min(earlier, PatientHistory.MAX_COUNT),
                (int) Math.min(days, PatientHistory.MAX_DAYS), Math.min(known, PatientHistory.MAX_COUNT),
                Math.min(worse, PatientHistory.MAX_COUNT), last);
    }

    private void closeDay() {
        if (dayCount == 0) return;
        earlier += dayCount;
        known += dayKnown;
        worse += dayWorse;
        if (dayLast != null) last = dayLast;
        previousDay = day;
        dayCount = dayKnown = dayWorse = 0;
        dayLast = null;
    }
}
