package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.text.Featurizer;
import java.time.LocalDate;
import com.outcomedesk.text.FeatureGroup;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Labelled appointments as compact hashed features (CSR arrays, no text kept), grouped so that the
 * ablation can train on any subset of {@link FeatureGroup}s. About 200 bytes a row: a million rows fit
 * comfortably in a 1 GB heap.
 */
public final class Dataset {
    final int rows;
    final int dimension;
    final int[] textStart;
    final int[] text;
    final int[] entityStart;
    final int[] entity;
    final int[] doctor;
    final int[] month;
    final int[] season;
    final byte[] monthOfYear;
    final byte[] category;
    /** Patient-history features (CSR, {@link FeatureGroup#HISTORY}); none for a dataset built without them. */
    final int[] historyStart;
    final int[] history;

    Dataset(int rows, int dimension, int[] textStart, int[] text, int[] entityStart, int[] entity, int[] doctor,
            int[] month, int[] season, byte[] monthOfYear, byte[] category, int[] historyStart, int[] history) {
        this.rows = rows;
        this.dimension = dimension;
        this.textStart = textStart;
        this.text = text;
        this.entityStart = entityStart;
        this.entity = entity;
        this.doctor = doctor;
        this.month = month;
        this.season = season;
        this.monthOfYear = monthOfYear;
        this.category = category;
        this.historyStart = historyStart;
        this.history = history;
    }

    public int rows() {
        return rows;
    }

    public int dimension() {
        return dimension;
    }

    private static final OutcomeCategory[] CATEGORIES = OutcomeCategory.values();
    private static final int[] WORSE = new int[CATEGORIES.length];

    static {
        for (OutcomeCategory c : CATEGORIES) WORSE[c.ordinal()] = c.label() == OutcomeLabel.WORSE ? 1 : 0;
    }

    public OutcomeCategory category(int row) {
        return CATEGORIES[category[row]];
    }

    int categoryIndex(int row) {
        return category[row];
    }

    /** 1 when the outcome was worse. */
    public int worse(int row) {
        return WORSE[category[row]];
    }

    /** One unlabelled appointment as a dataset, for prediction; a null doctor adds no doctor feature. */
    static Dataset single(Featurizer featurizer, String doctorId, String summary, LocalDate date) {
        return single(featurizer, doctorId, summary, date, new int[0]);
    }

    /** One unlabelled appointment with its patient-history features (none for a model without them). */
    static Dataset single(Featurizer featurizer, String doctorId, String summary, LocalDate date, int[] history) {
        DatasetBuilder.IntList t = new DatasetBuilder.IntList(48);
        DatasetBuilder.IntList e = new DatasetBuilder.IntList(8);
        featurizer.featurize(null, summary, null, false, (group, index, name) -> {
            if (group == FeatureGroup.TEXT) t.add(index);
            else e.add(index);
        });
        int[] text = t.toArray();
        int[] entity = e.toArray();
        int m = date == null ? -1 : featurizer.monthIndex(date.getMonthValue());
        int s = date == null ? -1 : featurizer.seasonIndex(date.getMonthValue());
        return new Dataset(1, featurizer.dimension(), new int[] {0, text.length}, text, new int[] {0, entity.length}, entity,
                new int[] {doctorId == null ? -1 : featurizer.doctorIndex(doctorId)}, new int[] {m}, new int[] {s},
                new byte[] {(byte) (date == null ? 0 : date.getMonthValue())}, new byte[] {0}, new int[] {0, history.length}, history);
    }

    public int[] worseLabels() {
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = worse(i);
        return y;
    }

    public int doctorIndex(int row) {
        return doctor[row];
    }

    /** Writes the row's feature indices for the chosen groups into buf (grown if needed); returns the count. */
    int features(int row, Set<FeatureGroup> groups, int[][] buf) {
        int n = 0;
        int[] b = buf[0];
        int need = textStart[row + 1] - textStart[row] + entityStart[row + 1] - entityStart[row] + historyCount(row) + 3;
        if (b.length < need) b = buf[0] = new int[need * 2];
        if (groups.contains(FeatureGroup.TEXT)) {
            for (int k = textStart[row]; k < textStart[row + 1]; k++) b[n++] = text[k];
        }
        if (groups.contains(FeatureGroup.ENTITY)) {
            for (int k = entityStart[row]; k < entityStart[row + 1]; k++) b[n++] = entity[k];
        }
        if (groups.contains(FeatureGroup.DOCTOR) && doctor[row] >= 0) b[n++] = doctor[row];
        if (groups.contains(FeatureGroup.DATE) && month[row] >= 0) {
            b[n++] = month[row];
            b[n++] = season[row];
        }
        if (groups.contains(FeatureGroup.HISTORY)) {
            for (int k = historyStart[row]; k < historyStart[row + 1]; k++) b[n++] = history[k];
        }
        return n;
    }

    private int historyCount(int row) {
        return historyStart[row + 1] - historyStart[row];
    }

    /** The binary features trees make columns of: the entity features, then the patient-history ones. */
    int entityCount(int row) {
        return entityStart[row + 1] - entityStart[row] + historyCount(row);
    }

    int entity(int row, int k) {
        int entities = entityStart[row + 1] - entityStart[row];
        return k < entities ? entity[entityStart[row] + k] : history[historyStart[row] + k - entities];
    }

    /** The same rows with the five categories permuted at random: the leakage guard's input. */
    public Dataset withShuffledLabels(long seed) {
        byte[] shuffled = Arrays.copyOf(category, rows);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return new Dataset(rows, dimension, textStart, text, entityStart, entity, doctor, month, season, monthOfYear, shuffled,
                historyStart, history);
    }

    public static final Set<FeatureGroup> ALL = EnumSet.allOf(FeatureGroup.class);
}
