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
     * One pass over the labelled rows, in the order the store keeps them, then put in id order; the dates the time-ordered validation needs come from the same pass (a second
     * scan of a million rows took about 10 s), so they always line up with the rows.
     *
     * @param histories every appointment's patient history, or null to build the rows without patient history
     */
    static Loaded load(LearningRows rows, Featurizer featurizer, PatientHistoryTable histories, ProgressListener progress) {
        long total = rows.labelledCount();
        DatasetBuilder builder = new DatasetBuilder(featurizer, histories != null);
        List<LocalDate> dates = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE - 8));
        IdOrder ids = new IdOrder();
        long[] n = {0};
        rows.forEachLabelled((id, doctorId, summary, date, category) -> {
            dates.add(date);
            ids.add(id);
            if (histories == null) builder.add(id.toString(), doctorId, summary, date, category);
            else builder.add(id.toString(), doctorId, summary, date, category, histories.of(id));
            if (++n[0] % 50_000 == 0) {
                TrainingService.checkCancelled();
                progress.progress("loading", n[0], total);
            }
        });
        progress.progress("loading", total, total);
        int[] order = ids.order();
        LocalDate[] inOrder = new LocalDate[order.length];
        for (int i = 0; i < order.length; i++) inOrder[i] = dates.get(order[i]);
        return new Loaded(builder.build(order), inOrder);
    }
}
