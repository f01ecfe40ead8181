package com.outcomedesk.learn;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.history.PatientHistoryTable;
import com.outcomedesk.store.LearningRows;
import com.outcomedesk.text.Featurizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the training dataset from the labelled appointments (those with an outcome category; better =
 * excellent/good/neutral, worse = poor/critical), streamed from the store. Rows without a category are
 * unlabelled and left out.
 */
final class LabelledData {
    private LabelledData() {
    }

    /** The built dataset and each row's appointment date (null when none), in row order. */
    record Loaded(DatasetBuilder.Built built, LocalDate[] dates) {
        Dataset dataset() {
            return built.dataset();
        }
    }

    /**
     * One pass over the labelled rows; the dates the time-ordered validation needs come from the same pass (a second
     * scan of a million rows took about 10 s), so they always line up with the rows.
     *
     * @param histories every appointment's patient history, or null to build the rows without patient history
     */
    static Loaded load(LearningRows rows, Featurizer featurizer, PatientHistoryTable histories, ProgressListener progress) {
        long total = rows.labelledCount();
        DatasetBuilder builder = new DatasetBuilder(featurizer, histories != null);
        List<LocalDate> dates = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE - 8));
        long[] n = {0};
        rows.forEachLabelled((id, doctorId, summary, date, category) -> {
            dates.add(date);
            if (histories == null) builder.add(id, doctorId, summary, date, category);
            else builder.add(id, doctorId, summary, date, category, histories.of(java.util.UUID.fromString(id)));
            if (++n[0] % 50_000 == 0) {
                TrainingService.checkCancelled();
                progress.progress("loading", n[0], total);
            }
        });
        progress.progress("loading", total, total);
        return new Loaded(builder.build(), dates.toArray(LocalDate[]::new));
    }
}
