package com.outcomedesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The monitor's reads: every saved prediction joined to the outcome recorded later for its appointment, counted by
 * the database into tallies per month, group and probability bucket (rows never travel), and the figures drift is
 * measured against (the labelled data a model was trained on).
 */
public final class MonitorRepository {
    /**
     * Probabilities are counted in this many equal buckets per unit (0.001 wide): fine enough that AUC and calibration
     * barely move, coarse enough that a month's predictions make a few thousand tallies, not one per row.
     */
    public static final int BUCKETS = 1_000;
    /** The month a prediction is about, as YYYYMM: its appointment's date, else the day it was saved. */
    private static final String MONTH = "CAST(EXTRACT(YEAR FROM COALESCE(a.appointment_date, CAST(p.created_at AS DATE))) AS INT) "
            + "* 100 + CAST(EXTRACT(MONTH FROM COALESCE(a.appointment_date, CAST(p.created_at AS DATE))) AS INT)";
    private static final int FETCH = 10_000;
    private static final String JOINED = " FROM predictions p LEFT JOIN appointments a ON a.id = p.appointment_id "
            + "AND a.deleted = FALSE";

    private final Database database;

    public MonitorRepository(Database database) {
        this.database = database;
    }

    /** What the monitor groups each month's predictions by, besides the month. */
    public enum By {
        MONTH("CAST(NULL AS VARCHAR(1))"), SITE("p.site_id"), DOCTOR("p.doctor_id"),
        MODEL("CAST(p.model_version_id AS VARCHAR(36))");

        private final String column;

        By(String column) {
            this.column = column;
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

    /**
     * Sums of powers of the probability are added as whole numbers of this many parts (H2 adds doubles as decimal
     * floats, a string conversion per row): exact to 1e-9 a prediction.
     */
    private static final long PARTS = 1_000_000_000L;
    private static final String[] TIERS = {null, "low", "medium", "high"};

    /**
     * Every saved prediction with its outcome, counted by the database: one grouped pass over the join (the
     * appointment side read from its covering index), so only the tallies travel, never the rows. Month, bucket,
     * outcome, tier and fallback are packed into one number to group by, which H2 compares far faster than five
     * columns.
     */
    public Tallies tallies(By by) {
        List<String> worseCodes = database.jdbi(h -> h.createQuery("SELECT code FROM outcome_categories WHERE label = 'worse'")
                .mapTo(String.class).list());
        String worse = worseCodes.isEmpty() ? "0" : "CASE WHEN a.outcome_category IN ("
                + String.join(", ", java.util.Collections.nCopies(worseCodes.size(), "?")) + ") THEN 1 ELSE 0 END";
        String month = "COALESCE(a.appointment_date, CAST(p.created_at AS DATE))";
        String key = "((((CAST(EXTRACT(YEAR FROM " + month + ") AS BIGINT) * 100 + CAST(EXTRACT(MONTH FROM " + month
                + ") AS BIGINT)) * " + (BUCKETS + 1) + " + LEAST(" + BUCKETS + ", GREATEST(0, CAST(FLOOR(p.probability * "
                + BUCKETS + ") AS INT)))) * 3 + CASE WHEN a.outcome_category IS NULL THEN 2 ELSE " + worse + " END) * 4 "
                + "+ CASE p.risk_tier WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 0 END) * 2 "
                + "+ CASE WHEN p.answered_by LIKE '%(%' THEN 1 ELSE 0 END";
        String sql = "SELECT x.k, " + (by == By.MONTH ? "NULL" : "x.g") + ", COUNT(*), SUM(x.q1), SUM(x.q2), SUM(x.q3), "
                + "SUM(x.q4), SUM(x.hi), MAX(x.recorded) "
                + "FROM (SELECT " + key + " AS k, " + by.column + " AS g, "
                + "CAST(p.probability * " + PARTS + " AS BIGINT) AS q1, "
                + "CAST(p.probability * p.probability * " + PARTS + " AS BIGINT) AS q2, "
                + "CAST(p.probability * p.probability * p.probability * " + PARTS + " AS BIGINT) AS q3, "
                + "CAST(p.probability * p.probability * p.probability * p.probability * " + PARTS + " AS BIGINT) AS q4, "
                + "CASE WHEN p.probability >= CAST(0.5 AS DOUBLE PRECISION) THEN 1 ELSE 0 END AS hi, "
                + "CASE WHEN a.outcome_category IS NULL THEN NULL ELSE a.updated_at END AS recorded" + JOINED + ") x "
                + (by == By.MONTH ? "GROUP BY x.k" : "GROUP BY x.k, x.g");
        return database.streaming(c -> {
            List<Tally> tallies = new java.util.ArrayList<>();
            OffsetDateTime last = null;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < worseCodes.size(); i++) s.setString(i + 1, worseCodes.get(i));
                s.setFetchSize(FETCH);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long k = rs.getLong(1);
                        boolean fallback = k % 2 == 1;
                        String tier = TIERS[(int) (k / 2 % 4)];
                        long w = k / 8 % 3;
                        int bucket = (int) (k / 24 % (BUCKETS + 1));
                        int yyyymm = (int) (k / 24 / (BUCKETS + 1));
                        tallies.add(new Tally(yyyymm, rs.getString(2), bucket, w == 2 ? null : w == 1, tier, fallback,
                                rs.getLong(3), parts(rs, 4), parts(rs, 5), parts(rs, 6), parts(rs, 7), rs.getLong(8)));
                        OffsetDateTime recorded = rs.getObject(9, OffsetDateTime.class);
                        if (recorded != null && (last == null || recorded.isAfter(last))) last = recorded;
                    }
                }
            }
            return new Tallies(tallies, last);
        });
    }

    private static double parts(ResultSet rs, int column) throws java.sql.SQLException {
        java.math.BigDecimal sum = rs.getBigDecimal(column);
        return sum == null ? 0 : sum.doubleValue() / PARTS;
    }

    /** How many of something in one month (YYYYMM). */
    public record MonthCount(int month, String key, long count) {
    }

    /** Saved predictions per month and doctor ("(no doctor)" for none): the doctor mix drift is measured on. */
    public List<MonthCount> doctorMixByMonth() {
        return database.jdbi(h -> h.createQuery("SELECT x.mo, x.doctor, COUNT(*) FROM (SELECT " + MONTH + " AS mo, "
                        + "COALESCE(p.doctor_id, '(no doctor)') AS doctor" + JOINED + ") x GROUP BY x.mo, x.doctor "
                        + "ORDER BY x.mo, x.doctor")
                .map((rs, ctx) -> new MonthCount(rs.getInt(1), rs.getString(2), rs.getLong(3))).list());
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
