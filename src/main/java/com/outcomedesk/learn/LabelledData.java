package com.outcomedesk.learn;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.history.PatientHistoryTable;
import com.outcomedesk.store.LearningRows;
import com.outcomedesk.text.Featurizer;

/**
 * Builds the training dataset from the labelled appointments (those with an outcome category; better =
 * excellent/good/neutral, worse = poor/critical), streamed from the store. Rows without a category are
 * unlabelled and left out.
 */
final class LabelledData {
    private LabelledData() {
    }

    /** @param histories every appointment's patient history, or null to build the rows without patient history */
    static DatasetBuilder.Built load(LearningRows rows, Featurizer featurizer, PatientHistoryTable histories, ProgressListener progress) {
        long total = rows.labelledCount();
        DatasetBuilder builder = new DatasetBuilder(featurizer, histories != null);
        long[] n = {0};
        rows.forEachLabelled((id, doctorId, summary, date, category) -> {
            if (histories == null) builder.add(id, doctorId, summary, date, category);
            else builder.add(id, doctorId, summary, date, category, histories.of(java.util.UUID.fromString(id)));
            if (++n[0] % 50_000 == 0) {
                TrainingService.checkCancelled();
                progress.progress("loading", n[0], total);
            }
        });
        progress.progress("loading", total, total);
        return builder.build();
    }
}
