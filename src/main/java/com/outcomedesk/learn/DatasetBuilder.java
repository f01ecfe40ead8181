package com.outcomedesk.learn;

import com.outcomedesk.history.HistoryFeatures;
import com.outcomedesk.history.PatientHistory;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.text.FeatureGroup;
import com.outcomedesk.text.Featurizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Builds a {@link Dataset} from a stream of labelled appointments. Rows are featurised in parallel
 * batches and only their hashed indices are kept; a SHA-256 fingerprint of the input identifies the data.
 */
public final class DatasetBuilder {
    private static final int BATCH = 8192;

    private final Featurizer featurizer;
    /** Null when the dataset is built without patient history. */
    private final HistoryFeatures historyFeatures;
    private final MessageDigest digest;
    private final List<Raw> batch = new ArrayList<>(BATCH);
    private final Map<String, Integer> doctors = new TreeMap<>();
    private int rows;
    private int[] textStart = new int[1024];
    private int[] text = new int[16384];
    private int textSize;
    private int[] entityStart = new int[1024];
    private int[] entity = new int[4096];
    private int entitySize;
    private int[] doctor = new int[1024];
    private int[] month = new int[1024];
    private int[] season = new int[1024];
    private byte[] monthOfYear = new byte[1024];
    private byte[] category = new byte[1024];
    private int[] historyStart = new int[1024];
    private int[] history = new int[1024];
    private int historySize;

    private record Raw(String doctorId, String summary, LocalDate date, OutcomeCategory category, PatientHistory history) {
    }

    private record Row(int[] text, int[] entity, int doctor, int month, int season, int monthOfYear, int[] history) {
    }

    private static final int[] NO_HISTORY = new int[0];

    public DatasetBuilder(Featurizer featurizer) {
        this(featurizer, false);
    }

    /** With {@code patientHistory}, each row also carries its patient-history features ({@link #add(String, String, String, LocalDate, OutcomeCategory, PatientHistory)}). */
    public DatasetBuilder(Featurizer featurizer, boolean patientHistory) {
        this.featurizer = featurizer;
        this.historyFeatures = patientHistory ? new HistoryFeatures(featurizer.bits()) : null;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds one labelled appointment; {@code id} only feeds the fingerprint. */
    public void add(String id, String doctorId, String summary, LocalDate date, OutcomeCategory outcome) {
        add(id, doctorId, summary, date, outcome, PatientHistory.NONE);
    }

    /** Adds one labelled appointment with its patient history (used only when the builder was made with patient history). */
    public void add(String id, String doctorId, String summary, LocalDate date, OutcomeCategory outcome, PatientHistory patient) {
        digest.update((id + '\u0001' + doctorId + '\u0001' + date + '\u0001' + outcome.code() + '\u0001' + summary + '\u0002')
                .getBytes(StandardCharsets.UTF_8));
        // A history changes the features, so it is part of the fingerprint (absent ones leave it as it always was).
        if (historyFeatures != null && patient != PatientHistory.NONE) digest.update(patient.toString().getBytes(StandardCharsets.UTF_8));
        doctors.merge(doctorId, 1, Integer::sum);
        batch.add(new Raw(doctorId, summary, date, outcome, patient));
        if (batch.size() == BATCH) flush();
    }

    private void flush() {
        Row[] featurised = new Row[batch.size()];
        IntStream.range(0, batch.size()).parallel().forEach(i -> featurised[i] = featurise(batch.get(i)));
        for (int i = 0; i < featurised.length; i++) append(featurised[i], batch.get(i).category());
        batch.clear();
    }

    private Row featurise(Raw raw) {
        IntList t = new IntList(48);
        IntList e = new IntList(8);
        featurizer.featurize(null, raw.summary(), null, false, (group, index, name) -> {
            if (group == FeatureGroup.TEXT) t.add(index);
            else e.add(index);
        });
        int m = raw.date() == null ? -1 : featurizer.monthIndex(raw.date().getMonthValue());
        int s = raw.date() == null ? -1 : featurizer.seasonIndex(raw.date().getMonthValue());
        return new Row(t.toArray(), e.toArray(), featurizer.doctorIndex(raw.doctorId()), m, s,
                raw.date() == null ? 0 : raw.date().getMonthValue(), historyIndices(historyFeatures, raw.history()));
    }

    /** The history's feature indices; none without patient history. */
    static int[] historyIndices(HistoryFeatures features, PatientHistory patient) {
        if (features == null) return NO_HISTORY;
        IntList h = new IntList(16);
        features.features(patient, false, (index, name) -> h.add(index));
        return h.toArray();
    }

    private void append(Row row, OutcomeCategory outcome) {
        if (rows + 2 > textStart.length) {
            int size = textStart.length * 2;
            textStart = Arrays.copyOf(textStart, size);
            entityStart = Arrays.copyOf(entityStart, size);
            doctor = Arrays.copyOf(doctor, size);
            month = Arrays.copyOf(month, size);
            season = Arrays.copyOf(season, size);
            monthOfYear = Arrays.copyOf(monthOfYear, size);
            category = Arrays.copyOf(category, size);
            historyStart = Arrays.copyOf(historyStart, size);
        }
        if (historySize + row.history().length > history.length) history = Arrays.copyOf(history, Math.max(history.length * 2, historySize + row.history().length));
        System.arraycopy(row.history(), 0, history, historySize, row.history().length);
        historySize += row.history().length;
        if (textSize + row.text().length > text.length) text = Arrays.copyOf(text, Math.max(text.length * 2, textSize + row.text().length));
        if (entitySize + row.entity().length > entity.length) entity = Arrays.copyOf(entity, Math.max(entity.length * 2, entitySize + row.entity().length));
        System.arraycopy(row.text(), 0, text, textSize, row.text().length);
        textSize += row.text().length;
        System.arraycopy(row.entity(), 0, entity, entitySize, row.entity().length);
        entitySize += row.entity().length;
        doctor[rows] = row.doctor();
        month[rows] = row.month();
        season[rows] = row.season();
        monthOfYear[rows] = (byte) row.monthOfYear();
        category[rows] = (byte) outcome.ordinal();
        rows++;
        textStart[rows] = textSize;
        entityStart[rows] = entitySize;
        historyStart[rows] = historySize;
    }

    public int rowsSoFar() {
        return rows + batch.size();
    }

    /** The finished dataset, its fingerprint and the doctors seen with their row counts. */
    public Built build() {
        flush();
        Dataset dataset = new Dataset(rows, featurizer.dimension(), Arrays.copyOf(textStart, rows + 1),
                Arrays.copyOf(text, textSize), Arrays.copyOf(entityStart, rows + 1), Arrays.copyOf(entity, entitySize),
                Arrays.copyOf(doctor, rows), Arrays.copyOf(month, rows), Arrays.copyOf(season, rows),
                Arrays.copyOf(monthOfYear, rows), Arrays.copyOf(category, rows), Arrays.copyOf(historyStart, rows + 1),
                Arrays.copyOf(history, historySize));
        return new Built(dataset, "sha256:" + HexFormat.of().formatHex(digest.digest()), Map.copyOf(doctors));
    }

    public record Built(Dataset dataset, String fingerprint, Map<String, Integer> doctorRows) {
    }

    /** A growable int array without boxing. */
    static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[capacity];
        }

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }

        int size() {
            return size;
        }

        void set(int i, int v) {
            values[i] = v;
        }

        int get(int i) {
            return values[i];
        }
    }
}
