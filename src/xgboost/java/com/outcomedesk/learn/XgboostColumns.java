package com.outcomedesk.learn;

import java.util.Arrays;

/**
 * The columns our boosted trees ({@link SparseTrees}) learn from, as a CSR matrix for XGBoost: every entity feature
 * seen in at least max(3, rows/5000) training rows (at most {@link SparseTrees#MAX_COLUMNS}, commonest first), the
 * doctor's smoothed worse rate (fitted on the training rows) and the month of the year (0: no date). The two learners
 * then differ in their algorithm alone, not in what they see.
 */
public final class XgboostColumns {
    /** A CSR matrix of some rows: row starts, column indexes, values; and the worse labels. */
    public record Matrix(long[] start, int[] column, float[] value, float[] labels, int columns) {
    }

    private final int[] colOf;
    private final int entityColumns;
    private final DoctorRateModel rates;

    private XgboostColumns(int[] colOf, int entityColumns, DoctorRateModel rates) {
        this.colOf = colOf;
        this.entityColumns = entityColumns;
        this.rates = rates;
    }

    /** Chooses the columns on the training rows, as {@link SparseTrees} does. */
    public static XgboostColumns fit(Dataset data, int[] train) {
        int[] kept = SparseTrees.frequentEntities(data, train);
        int[] colOf = new int[data.dimension()];
        Arrays.fill(colOf, -1);
        for (int c = 0; c < kept.length; c++) colOf[kept[c]] = c;
        return new XgboostColumns(colOf, kept.length, DoctorRateModel.fit(data, train));
    }

    /** The boosting settings our trees use for this many training rows, as the model's provenance states them. */
    public static java.util.Map<String, Object> describeBoosting(int rows) {
        return TreeModel.describe(TreeModel.Kind.GBM, rows);
    }

    public int columns() {
        return entityColumns + 2;
    }

    /** The rows as a matrix over these columns (an absent entity is XGBoost's missing value, which it learns as 0). */
    public Matrix matrix(Dataset data, int[] rows) {
        long[] start = new long[rows.length + 1];
        int[] cols = new int[rows.length * 12 + 16];
        float[] values = new float[cols.length];
        float[] labels = new float[rows.length];
        int[] seen = new int[entityColumns];
        Arrays.fill(seen, -1);
        int[] row = new int[64];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            int m = 0;
            for (int k = 0; k < data.entityCount(r); k++) {
                int c = colOf[data.entity(r, k)];
                if (c >= 0 && seen[c] != i) {
                    seen[c] = i;
                    if (m == row.length) row = Arrays.copyOf(row, m * 2);
                    row[m++] = c;
                }
            }
            Arrays.sort(row, 0, m);
            if (n + m + 2 > cols.length) {
                cols = Arrays.copyOf(cols, Math.max(cols.length * 2, n + m + 2));
                values = Arrays.copyOf(values, cols.length);
            }
            for (int k = 0; k < m; k++) {
                cols[n] = row[k];
                values[n++] = 1f;
            }
            cols[n] = entityColumns;
            values[n++] = (float) rates.probability(data, r);
            cols[n] = entityColumns + 1;
            values[n++] = data.monthOfYear[r];
            start[i + 1] = n;
            labels[i] = data.worse(r);
        }
        return new Matrix(start, Arrays.copyOf(cols, n), Arrays.copyOf(values, n), labels, columns());
    }
}
