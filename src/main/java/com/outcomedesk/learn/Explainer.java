package com.outcomedesk.learn;

import com.outcomedesk.history.HistoryFeatures;
import com.outcomedesk.history.PatientHistory;
import com.outcomedesk.text.FeatureGroup;
import com.outcomedesk.text.Featurizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One appointment being explained: its features with readable names and the units of the summary each came from,
 * and the same appointment as a one-row dataset (what the model scores).
 */
public final class Explainer {
    /** A feature; {@code unitA}/{@code unitB} index {@link #units} (-1: not from the text; a bigram or pair has two). */
    record Named(FeatureGroup group, int index, String name, int unitA, int unitB) {
    }

    final List<Named> features = new ArrayList<>(64);
    final List<Featurizer.TextUnit> units;
    final Dataset row;
    final String doctorId;
    final java.time.LocalDate date;
    /** Null for a model without patient history. */
    final PatientHistory history;

    Explainer(Featurizer featurizer, String doctorId, boolean knownDoctor, String summary, LocalDate date) {
        this(featurizer, doctorId, knownDoctor, summary, date, null, null);
    }

    /** With {@code historyFeatures} (a model trained with patient history), the history's features join the row. */
    Explainer(Featurizer featurizer, String doctorId, boolean knownDoctor, String summary, LocalDate date,
              HistoryFeatures historyFeatures, PatientHistory history) {
        this.doctorId = knownDoctor ? doctorId : null;
        this.date = date;
        this.history = historyFeatures == null ? null : history;
        this.units = featurizer.explain(this.doctorId, summary, date,
                (group, index, name, a, b) -> features.add(new Named(group, index, name, a, b)));
        DatasetBuilder.IntList indices = new DatasetBuilder.IntList(16);
        if (this.history != null) {
            historyFeatures.features(this.history, true, (index, name) -> {
                features.add(new Named(FeatureGroup.HISTORY, index, name, -1, -1));
                indices.add(index);
            });
        }
        this.row = Dataset.single(featurizer, this.doctorId, summary, date, indices.toArray());
    }

    Contribution phrase(int unit, double weight) {
        Featurizer.TextUnit u = units.get(unit);
        return new Contribution(u.text(), weight, Contribution.Kind.PHRASE, u.start(), u.end());
    }

    Contribution doctor(double weight) {
        return new Contribution("doctor " + doctorId, weight, Contribution.Kind.DOCTOR, -1, -1);
    }

    Contribution date(double weight) {
        return new Contribution("appointment in " + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ROOT),
                weight, Contribution.Kind.DATE, -1, -1);
    }

    /** The patient history as one factor, in words: "2 earlier worse outcomes of 3 known (last: poor), ...". */
    Contribution history(double weight) {
        return new Contribution(history.describe(), weight, Contribution.Kind.HISTORY, -1, -1);
    }

    static Contribution notStated(double weight) {
        return new Contribution("what the note does not state", weight, Contribution.Kind.NOT_STATED, -1, -1);
    }

    static Contribution noFollowUp(double weight) {
        return new Contribution("no follow-up interval stated", weight, Contribution.Kind.FOLLOW_UP, -1, -1);
    }
}
