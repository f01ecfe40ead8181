package com.outcomedesk.history;

import com.outcomedesk.store.PatientVisits;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/** A patient's history at prediction time, from what the store holds now. */
@FunctionalInterface
public interface PatientHistoryLookup {
    /** The history of an appointment of this patient on this date; {@link PatientHistory#NONE} when either is null. */
    PatientHistory before(String patientRef, LocalDate date);

    /** Nothing known about anyone: every appointment reads as having no history. */
    PatientHistoryLookup NONE = (patientRef, date) -> PatientHistory.NONE;

    /** One indexed read of the patient's earlier appointments per call, through the same rule as training's pass. */
    static PatientHistoryLookup of(PatientVisits visits) {
        return over(visits::before);
    }

    /** Histories from a source of each patient's appointments dated strictly before a date, oldest first. */
    static PatientHistoryLookup over(BiFunction<String, LocalDate, List<PatientVisits.Visit>> earlier) {
        return (patientRef, date) -> {
            if (patientRef == null || patientRef.isBlank() || date == null) return PatientHistory.NONE;
            PatientTimeline timeline = new PatientTimeline();
            for (PatientVisits.Visit v : earlier.apply(patientRef.strip(), date)) timeline.next(v.date(), v.category());
            return timeline.at(date);
        };
    }
}
