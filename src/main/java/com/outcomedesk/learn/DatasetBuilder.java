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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Builds a {@link Dataset} from a stream of labelled appointments. Rows are featurised in parallel
 * batches and only their hashed indices are kept. The fingerprint is the SHA-256 of the rows' own SHA-256 digests
 * in the dataset's order, so it names the same rows in the same order however they were read.
 */
public final class DatasetBuilder {
    private static final int BATCH = 8192;
    /** Bytes of a row's SHA-256 digest. */
    private static final int DIGEST = 32;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(DatasetBuilder::sha256);
    /** One long-lived thread, so that the featurizer's per-thread word cache stays warm from batch to batch. */
    private static final ExecutorService FEATURISER = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "dataset-featurise");
        t.setDaemon(true);
        return t;
    });

    private final Featurizer featurizer;
    /** Null when the dataset is built without patient history. */
    private final HistoryFeatures historyFeatures;
    private List<Raw> batch = new ArrayList<>(BATCH);
    /** The batch being featurised while the next one is read, and its rows once done. */
    private List<Raw> featurising = List.of();
    private CompletableFuture<Row[]> featurised;
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
    private byte[] digests = new byte[1024 * DIGEST];

    private record Raw(String id, String doctorId, String summary, LocalDate date, OutcomeCategory category, PatientHistory history) {
    }

    private record Row(int[] text, int[] entity, int doctor, int month, int season, int monthOfYear, int[] history, byte[] digest) {
    }

    private static final int[] NO_HISTORY = new int[0];

    public DatasetBuilder(Featurizer featurizer) {
        this(featurizer, false);
    }

    /** With {@code patientHistory}, each row also carries its patient-history features ({@link #add(String, String, String, LocalDate, OutcomeCategory, PatientHistory)}). */
    public DatasetBuilder(Featurizer featurizer, boolean patientHistory) {
        this.featurizer = featurizer;
        this.historyFeatures = patientHistory ? new HistoryFeatures(featurizer.bits()) : null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds one labelled appointment; {@code id} only feeds the fingerprint. Rows are kept in the order added unless {@link #build(int[])} reorders them. */
    public void add(String id, String doctorId, String summary, LocalDate date, OutcomeCategory outcome) {
        add(id, doctorId, summary, date, outcome, PatientHistory.NONE);
    }

    /** Adds one labelled appointment with its patient history (used only when the builder was made with patient history). */
    public void add(String id, String doctorId, String summary, LocalDate date, OutcomeCategory outcome, PatientHistory patient) {
        doctors.merge(doctorId, 1, Integer::sum);
        batch.add(new Raw(id, doctorId, summary, date, outcome, historyFeatures == null ? PatientHistory.NONE : patient));
        if (batch.size() == BATCH) flush();
    }

    /**
     * Hands the batch to the featurising thread, which featurises it on every core, and appends the batch before it: the
     * caller goes on reading rows meanwhile instead of waiting for each batch.
     */
    private void flush() {
        appendFeaturised();
        List<Raw> full = batch;
        batch = new ArrayList<>(BATCH);
        featurising = full;
        featurised = CompletableFuture.supplyAsync(() -> {
            Row[] rows = new Row[full.size()];
            IntStream.range(0, full.size()).parallel().forEach(i -> rows[i] = featurise(full.get(i)));
            return rows;
        }, FEATURISER);
    }

    private void appendFeaturised() {
        if (featurised == null) return;
        Row[] done;
        try {
            done = featurised.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        for (int i = 0; i < done.length; i++) append(done[i], featurising.get(i).category());
        featurised = null;
        featurising = List.of();
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
                raw.date() == null ? 0 : raw.date().getMonthValue(), historyIndices(historyFeatures, raw.history()), digest(raw));
    }

    private static byte[] digest(Raw raw) {
        MessageDigest d = SHA256.get();
        d.update((raw.id() + '\u0001' + raw.doctorId() + '\u0001' + raw.date() + '\u0001' + raw.category().code() + '\u0001'
                + raw.summary() + '\u0002').getBytes(StandardCharsets.UTF_8));
        // A history changes the features, so it is part of the fingerprint.
        PatientHistory h = raw.history();
        if (h != PatientHistory.NONE) {
            d.update((h.state() + " " + h.earlier() + " " + h.daysSincePrevious() + " " + h.known() + " " + h.worse() + " "
                    + (h.last() == null ? "-" : h.last().code())).getBytes(StandardCharsets.UTF_8));
        }
        return d.digest();
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
            digests = Arrays.copyOf(digests, size * DIGEST);
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
        System.arraycopy(row.digest(), 0, digests, rows * DIGEST, DIGEST);
        rows++;
        textStart[rows] = textSize;
        entityStart[rows] = entitySize;
        historyStart[rows] = historySize;
    }

    public int rowsSoFar() {
        return rows + featurising.size() + batch.size();
    }

    /** The finished dataset in the order the rows were added, its fingerprint and the doctors seen with their row counts. */
    public Built build() {
        int[] same = new int[rowsSoFar()];
        for (int i = 0; i < same.length; i++) same[i] = i;
        return build(same);
    }

    /** The same with the rows reordered: {@code order[i]} is the (0-based) position in which the i-th row was added. */
    Built build(int[] order) {
        flush();
        appendFeaturised();
        if (order.length != rows) throw new IllegalArgumentException("An order of " + order.length + " rows for " + rows + " rows");
        int[] newTextStart = new int[rows + 1], newEntityStart = new int[rows + 1], newHistoryStart = new int[rows + 1];
        int[] newText = new int[textSize], newEntity = new int[entitySize], newHistory = new int[historySize];
        int[] newDoctor = new int[rows], newMonth = new int[rows], newSeason = new int[rows];
        byte[] newMonthOfYear = new byte[rows], newCategory = new byte[rows];
        MessageDigest fingerprint = sha256();
        for (int i = 0; i < rows; i++) {
            int from = order[i];
            newTextStart[i + 1] = newTextStart[i] + copy(text, textStart, from, newText, newTextStart[i]);
            newEntityStart[i + 1] = newEntityStart[i] + copy(entity, entityStart, from, newEntity, newEntityStart[i]);
            newHistoryStart[i + 1] = newHistoryStart[i] + copy(history, historyStart, from, newHistory, newHistoryStart[i]);
            newDoctor[i] = doctor[from];
            newMonth[i] = month[from];
            newSeason[i] = season[from];
            newMonthOfYear[i] = monthOfYear[from];
            newCategory[i] = category[from];
            fingerprint.update(digests, from * DIGEST, DIGEST);
        }
        Dataset dataset = new Dataset(rows, featurizer.dimension(), newTextStart, newText, newEntityStart, newEntity,
                newDoctor, newMonth, newSeason, newMonthOfYear, newCategory, newHistoryStart, newHistory);
        return new Built(dataset, "sha256:" + HexFormat.of().formatHex(fingerprint.digest()), Map.copyOf(doctors));
    }

    /** Copies row {@code row}'s run of {@code values} (bounded by {@code starts}) to {@code to} at {@code at}; its length. */
    private static int copy(int[] values, int[] starts, int row, int[] to, int at) {
        int length = starts[row + 1] - starts[row];
        System.arraycopy(values, starts[row], to, at, length);
        return length;
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
