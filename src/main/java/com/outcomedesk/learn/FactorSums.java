package com.outcomedesk.learn;

import com.outcomedesk.text.FeatureGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adds feature weights up by what the clinician wrote: a feature from one unit of the summary goes to it, a bigram
 * or entity pair spanning two units is split evenly between them (as its Shapley value in a linear model is), and
 * the doctor, the date, the patient history, "no follow-up stated" and (for trees) what the note does not state are factors of their own. Nothing is dropped, so the sums stay exact.
 */
final class FactorSums {
    private final Explainer explainer;
    private final double[] unit;
    private final boolean[] seen;
    private double doctor, date, noFollowUp, notStated, history;
    private boolean hasDoctor, hasDate, hasNoFollowUp, hasNotStated, hasHistory;

    FactorSums(Explainer explainer) {
        this.explainer = explainer;
        this.unit = new double[explainer.units.size()];
        this.seen = new boolean[unit.length];
    }

    void add(Explainer.Named f, double w) {
        if (f.unitA() >= 0 && f.unitB() >= 0 && f.unitA() != f.unitB()) {
            addUnit(f.unitA(), w / 2);
            addUnit(f.unitB(), w / 2);
        } else if (f.unitA() >= 0) {
            addUnit(f.unitA(), w);
        } else if (f.group() == FeatureGroup.DOCTOR) {
            doctor += w;
            hasDoctor = true;
        } else if (f.group() == FeatureGroup.DATE) {
            date += w;
            hasDate = true;
        } else if (f.group() == FeatureGroup.HISTORY) {
            history += w;
            hasHistory = true;
        } else {
            noFollowUp += w;
            hasNoFollowUp = true;
        }
    }

    void addUnit(int u, double w) {
        unit[u] += w;
        seen[u] = true;
    }

    void addDoctor(double w) {
        doctor += w;
        hasDoctor = true;
    }

    void addDate(double w) {
        date += w;
        hasDate = true;
    }

    void addNoFollowUp(double w) {
        noFollowUp += w;
        hasNoFollowUp = true;
    }

    void addNotStated(double w) {
        notStated += w;
        hasNotStated = true;
    }

    /** Every factor that a feature of the model touched, strongest first. */
    List<Contribution> factors() {
        List<Contribution> list = new ArrayList<>();
        for (int u = 0; u < unit.length; u++) if (seen[u]) list.add(explainer.phrase(u, unit[u]));
        if (hasDoctor) list.add(explainer.doctor(doctor));
        if (hasDate) list.add(explainer.date(date));
        if (hasNoFollowUp) list.add(Explainer.noFollowUp(noFollowUp));
        if (hasNotStated) list.add(Explainer.notStated(notStated));
        if (hasHistory) list.add(explainer.history(history));
        list.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())));
        return list;
    }
}
