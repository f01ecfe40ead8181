package com.outcomedesk.learn;

import com.outcomedesk.text.FeatureGroup;
import com.outcomedesk.text.Featurizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One appointment being explained: its features with readable names, and as a one-row dataset. */
public final class Explainer {
    record Named(FeatureGroup group, int index, String name) {
    }

    final List<Named> features = new ArrayList<>(64);
    final Dataset row;

    Explainer(Featurizer featurizer, String doctorId, boolean knownDoctor, String summary, LocalDate date) {
        featurizer.featurize(knownDoctor ? doctorId : null, summary, date, true,
                (group, index, name) -> features.add(new Named(group, index, name)));
        this.row = Dataset.single(featurizer, knownDoctor ? doctorId : null, summary, date);
    }
}
