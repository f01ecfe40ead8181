package com.outcomedesk.learn;

import com.outcomedesk.common.ProgressListener;
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

    static DatasetBuilder.Built load(LearningRows rows, Featurizer featurizer, ProgressListener progress) {
        long total = rows.labelledCount();
        DatasetBuilder builder = new DatasetBuilder(featurizer);
        long[] n = {0};
        rows.forEachLabelled((id, doctorId, summary, date, category) -> {
            builder.add(id, doctorId, summary, date, category);
            if (++n[0] % 50_000 == 0) {
                TrainingService.checkCancelled();
                progress.progress("loading", n[0], total);
            }
        });
        progress.progress("loading", total, total);
        return builder.build();
    }
}
