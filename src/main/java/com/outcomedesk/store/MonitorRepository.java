package com.outcomedesk.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The monitor's reads: every saved prediction joined to the outcome recorded later for its appointment, as tallies
 * per month, group and probability bucket kept up to date by {@link MonitorTallies} (rows never travel), and the
 * figures drift is measured against (the labelled data a model was trained on).
 */
public final class MonitorRepository {
    /** Probabilities are counted in this many equal buckets per unit (0.001 wide). */
    public static final int BUCKETS = MonitorTallies.BUCKETS;

    private final Database database;
    private final MonitorTallies counts;

    public MonitorRepository(Database database) {
        this.database = database;
        this.counts = new MonitorTallies(database);
    }

    /** What the monitor groups each month's predictions by, besides the month. */
    public enum By {
        MONTH(MonitorTallies.Kind.MONTH), SITE(MonitorTallies.Kind.SITE), DOCTOR(MonitorTallies.Kind.DOCTOR),
        MODEL(MonitorTallies.Kind.MODEL);

        private final MonitorTallies.Kind kind;

        By(MonitorTallies.Kind kind) {
            this.kind = kind;
        }
    }

    /**
     * The saved predictions of one month and group that fall in one probability bucket and share an outcome ({@code
     * worse} true or false, null before the outcome is recorded), risk tier and whether a fallback answered: how many,
     * the sums of their probability's first four powers (for the Brier score and its spread) and how many were called
     * worse (probability 0.5 or more). {@code group} is the site, doctor or model version id ({@link By}), null by month.
     */
    public record Tally(int month, String group, int bucket, Boolean worse, String riskTier, boolean fallback,
                        long count, double sum, double sumSquares, double sumCubes, double sumFourths, long calledWorse) {
    }

    /** The tallies, and when an outcome of a predicted appointment was last recorded (null when none is). */
    public record Tallies(List<Tally> tallies, OffsetDateTime lastOutcome) {
    }

    private static final String[] TIERS = {null, "low", "medium", "high"};

    /**
     * Every saved prediction with its outcome, from the tallies brought up to date first (only what changed since the
     * last run is counted again), so only a few thousand tallies are read, never the rows.
     */
    public Tallies tallies(By by) {
        counts.catchUp();
        List<Tally> tallies = new java.util.ArrayList<>();
        for (MonitorTallies.Sum sum : counts.sums(by.kind)) {
            long k = sum.key();
            boolean fallback = k % 2 == 1;
            String tier = TIERS[(int) (k / 2 % 4)];
            long w = k / 8 % 3;
            int bucket = (int) (k / 24 % (BUCKETS + 1));
            tallies.add(new Tally(month(k), sum.group(), bucket, w == 2 ? null : w == 1, tier, fallback, sum.count(),
                    parts(sum.q1()), parts(sum.q2()), parts(sum.q3()), parts(sum.q4()), sum.calledWorse()));
        }
        return new Tallies(tallies, counts.lastRecorded());
    }

    /** The month (YYYYMM) of a tally key. */
    static int month(long key) {
        return (int) (key / 24 / (BUCKETS + 1));
    }

    private static double parts(long sum) {
        return (double) sum / MonitorTallies.PARTS;
    }

    /** How many of something in one month (YYYYMM). */
    public record MonthCount(int month, String key, long count) {
    }

    /** Saved predictions per month and doctor ("(no doctor)" for none): the doctor mix drift is measured on. */
    public List<MonthCount> doctorMixByMonth() {
        return counts.sums(MonitorTallies.Kind.DOCTOR_MIX).stream()
                .map(s -> new MonthCount((int) s.key(), s.group() == null ? "(no doctor)" : s.group(), s.count()))
                .sorted(java.util.Comparator.comparingInt(MonthCount::month).thenComparing(MonthCount::key)).toList();
    }

    /** The version number of each model version, by its id as text. */
    public Map<String, Integer> versionNumbers() {
        Map<String, Integer> versions = new HashMap<>();
        database.jdbi(h -> h.createQuery("SELECT id, version_number FROM model_versions")
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class).toString(), rs.getInt(2))).list())
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        return versions;
    }

    /**
     * Labelled appointments per doctor as they stood at {@code trainedAt}: the doctor mix a model was trained on. A row
     * changed since (an outcome that arrived later, an edit) is left out: it may not have been labelled then.
     */
    public Map<String, Long> labelledDoctorMix(OffsetDateTime trainedAt) {
        Map<String, Long> mix = new LinkedHashMap<>();
        database.jdbi(h -> h.createQuery("SELECT doctor_id, COUNT(*) FROM appointments WHERE deleted = FALSE "
                        + "AND outcome_category IS NOT NULL AND updated_at <= :at GROUP BY doctor_id ORDER BY doctor_id")
                .bind("at", trainedAt).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .forEach(e -> mix.put(e.getKey(), e.getValue()));
        return mix;
    }

    /**
     * Labelled appointments per month of the year (1-12) as they stood at {@code trainedAt}, those with a date: the
     * months a model was trained on.
     */
    public Map<Integer, Long> labelledMonthMix(OffsetDateTime trainedAt) {
        Map<Integer, Long> mix = new LinkedHashMap<>();
        database.jdbi(h -> h.createQuery("SELECT x.mo, COUNT(*) FROM (SELECT CAST(EXTRACT(MONTH FROM appointment_date) "
                        + "AS INT) AS mo FROM appointments WHERE deleted = FALSE AND outcome_category IS NOT NULL "
                        + "AND appointment_date IS NOT NULL AND updated_at <= :at) x GROUP BY x.mo ORDER BY x.mo")
                .bind("at", trainedAt).map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2))).list())
                .forEach(e -> mix.put(e.getKey(), e.getValue()));
        return mix;
    }

    /** Up to {@code limit} summaries of labelled appointments as they stood at {@code trainedAt}, the newest first. */
    public List<String> labelledSummaries(OffsetDateTime trainedAt, int limit) {
        return database.jdbi(h -> h.createQuery("SELECT summary FROM appointments WHERE deleted = FALSE "
                        + "AND outcome_category IS NOT NULL AND updated_at <= :at ORDER BY updated_at DESC")
                .bind("at", trainedAt).setMaxRows(limit).mapTo(String.class).list());
    }

    /**
     * Up to {@code limit} summaries of predicted appointments dated from {@code from} to before {@code to}: read from the
     * date index, each checked for a prediction (a scan of the predictions would pass most rows of other months).
     */
    public List<String> predictedSummaries(LocalDate from, LocalDate to, int limit) {
        return database.jdbi(h -> h.createQuery("SELECT a.summary FROM appointments a WHERE a.appointment_date >= :from "
                        + "AND a.appointment_date < :to AND a.deleted = FALSE "
                        + "AND EXISTS (SELECT 1 FROM predictions p WHERE p.appointment_id = a.id)")
                .bind("from", from).bind("to", to).setMaxRows(limit).mapTo(String.class).list());
    }

    /** When the first and the newest predictions were saved. */
    public record Span(OffsetDateTime first, OffsetDateTime last) {
    }

    /** Empty when no prediction is saved. */
    public Optional<Span> predictionSpan() {
        return database.jdbi(h -> h.createQuery("SELECT MIN(created_at), MAX(created_at) FROM predictions")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class) == null ? null
                        : new Span(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .findOne());
    }
}
