package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monitor's tallies of saved predictions against their appointments' outcomes (migration V62), kept instead of
 * counted at each run. The triggers of V63 journal every change that moves a prediction's tally; a catch-up counts
 * again only the journalled predictions: it subtracts what each was last counted as, counts it as it stands now and
 * adds that, so the tallies equal a full recount at any time. A store whose number of counted predictions differs
 * from its predictions (rows written before V62, or restored from a backup, which leaves these tables out), or whose
 * worse categories changed, is recounted whole.
 */
public final class MonitorTallies {
    /** Probabilities are counted in this many equal buckets per unit (0.001 wide). */
    public static final int BUCKETS = 1_000;
    /**
     * Sums of powers of the probability are kept as whole numbers of this many parts, so adding and subtracting is
     * exact: exact to 1e-9 a prediction.
     */
    public static final long PARTS = 1_000_000_000L;
    /** The prefix of the derived tables, which backups leave out. */
    public static final String TABLE_PREFIX = "monitor_tally_";
    private static final int FETCH = 10_000, BATCH = 1_000;
    /**
     * A journal of at least this many entries and a third of the counted predictions (a bulk load, a first pull) is
     * cheaper to recount whole: counting a prediction again costs about three times counting it afresh.
     */
    static final long WHOLE_FROM = 10_000;
    /** Taken first by every catch-up, so two never interleave. */
    private static final String LOCK = "UPDATE monitor_tally_state SET state_value = state_value WHERE name = 'lock'";

    /** What the sums table counts by, in its {@code kind} column's order. */
    public enum Kind { MONTH, SITE, DOCTOR, MODEL, DOCTOR_MIX }

    /** One row of the sums: its key (packed as {@link MonitorRepository} reads it), group (null for none) and sums. */
    public record Sum(long key, String group, long count, long q1, long q2, long q3, long q4, long calledWorse) {
    }

    /** What a catch-up did: how many predictions it counted again, and whether it recounted the whole store. */
    public record CatchUp(long counted, boolean whole) {
    }

    private final Database database;

    public MonitorTallies(Database database) {
        this.database = database;
    }

    /** Brings the tallies up to date with every committed change (recounting the whole store when they cannot be). */
    public CatchUp catchUp() {
        return database.jdbcTransaction(this::incremental).orElseGet(this::whole);
    }

    /** Recounts the whole store: the repair path, should the tallies ever be in doubt. */
    public CatchUp recount() {
        return whole();
    }

    /** The tallies of one kind, as of the last catch-up. */
    public List<Sum> sums(Kind kind) {
        return database.jdbi(h -> h.createQuery("SELECT k, grp, n, q1, q2, q3, q4, hi FROM monitor_tally_sums WHERE kind = :kind")
                .bind("kind", kind.ordinal())
                .map((rs, ctx) -> new Sum(rs.getLong(1), group(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8))).list());
    }

    /** When an outcome of a predicted appointment was last recorded, as of the last catch-up; null when none is. */
    public OffsetDateTime lastRecorded() {
        return database.jdbi(h -> h.createQuery("SELECT MAX(recorded) FROM monitor_tally_counted")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class)).one());
    }

    /**
     * Every prediction must be counted or journalled, and every counted one saved or journalled (a journalled one is
     * counted again): checked by counting, in one statement so that one snapshot answers, and before this transaction
     * writes anything (H2 counts a table's rows from its size only while no change is pending).
     */
    private static final String UNACCOUNTED = "SELECT (SELECT COUNT(*) FROM predictions) "
            + "- (SELECT COUNT(*) FROM monitor_tally_counted) "
            + "- (SELECT COUNT(DISTINCT j.prediction_id) FROM monitor_tally_journal j WHERE j.prediction_id IS NOT NULL "
            + "AND NOT EXISTS (SELECT 1 FROM monitor_tally_counted c WHERE c.prediction_id = j.prediction_id) "
            + "AND EXISTS (SELECT 1 FROM predictions p WHERE p.id = j.prediction_id)) "
            + "+ (SELECT COUNT(DISTINCT j.prediction_id) FROM monitor_tally_journal j WHERE j.prediction_id IS NOT NULL "
            + "AND EXISTS (SELECT 1 FROM monitor_tally_counted c WHERE c.prediction_id = j.prediction_id) "
            + "AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.id = j.prediction_id))";

    /** Counts the journalled predictions again, or says (empty) that the store must be recounted whole. */
    private Optional<CatchUp> incremental(Connection c) throws SQLException {
        if (count(c, UNACCOUNTED) != 0) return Optional.empty();
        update(c, LOCK);
        List<String> worse = worseCodes(c);
        if (!String.join(",", worse).equals(state(c))) return Optional.empty();
        long journalled = count(c, "SELECT COUNT(*) FROM monitor_tally_journal");
        if (journalled >= WHOLE_FROM && journalled * 3 >= count(c, "SELECT COUNT(*) FROM monitor_tally_counted")) {
            return Optional.empty();
        }
        int claimed = update(c, "UPDATE monitor_tally_journal SET claimed = TRUE WHERE claimed = FALSE");
        if (claimed == 0) return Optional.of(new CatchUp(0, false));
        long counted = again(c, worse);
        update(c, "DELETE FROM monitor_tally_journal WHERE claimed = TRUE");
        return Optional.of(new CatchUp(counted, false));
    }

    /**
     * Recounts every prediction. Emptying a million-row table row by row took longer than counting it again, so the
     * derived tables are truncated; the tallies are first marked stale (no worse categories recorded), so that a
     * recount cut off after truncating is made again by the next catch-up. TRUNCATE waits for the transactions still
     * writing the journal to commit: what they changed is then counted here, and whatever commits later is journalled
     * and counted again by the next catch-up.
     */
    private CatchUp whole() {
        database.jdbcTransaction(c -> {
            update(c, LOCK);
            return update(c, "UPDATE monitor_tally_state SET state_value = NULL WHERE name = 'worse'");
        });
        database.withConnection(c -> {
            c.setAutoCommit(true);
            for (String table : new String[] {"monitor_tally_journal", "monitor_tally_counted", "monitor_tally_sums"}) {
                update(c, "TRUNCATE TABLE " + table);
            }
            return null;
        });
        return database.jdbcTransaction(c -> {
            update(c, LOCK);
            List<String> worse = worseCodes(c);
            long counted = count(c, worse, " FROM predictions p");
            sumAll(c);
            try (PreparedStatement s = c.prepareStatement("UPDATE monitor_tally_state SET state_value = ? WHERE name = 'worse'")) {
                s.setString(1, String.join(",", worse));
                s.executeUpdate();
            }
            return new CatchUp(counted, true);
        });
    }

    /** Sums every counted prediction per kind, key and group, in the database (what {@link Deltas} does per change). */
    private static void sumAll(Connection c) throws SQLException {
        String sums = "INSERT INTO monitor_tally_sums (kind, k, grp, n, q1, q2, q3, q4, hi) SELECT ";
        String totals = ", COUNT(*), SUM(q1), SUM(q2), SUM(q3), SUM(q4), SUM(hi) FROM monitor_tally_counted GROUP BY k";
        update(c, sums + Kind.MONTH.ordinal() + ", k, ''" + totals);
        update(c, sums + Kind.SITE.ordinal() + ", k, " + storedSql("site_id") + totals + ", site_id");
        update(c, sums + Kind.DOCTOR.ordinal() + ", k, " + storedSql("doctor_id") + totals + ", doctor_id");
        update(c, sums + Kind.MODEL.ordinal() + ", k, " + storedSql("model_id") + totals + ", model_id");
        String month = "k / " + 24 * (BUCKETS + 1);
        update(c, sums + Kind.DOCTOR_MIX.ordinal() + ", " + month + ", " + storedSql("doctor_id")
                + ", COUNT(*), 0, 0, 0, 0, 0 FROM monitor_tally_counted GROUP BY " + month + ", doctor_id");
    }

    /** Counts the journalled predictions again: subtracts what they were counted as, then adds what they are now. */
    private static long again(Connection c, List<String> worse) throws SQLException {
        update(c, "INSERT INTO monitor_tally_work (prediction_id) SELECT x.id FROM (SELECT prediction_id AS id "
                + "FROM monitor_tally_journal WHERE claimed = TRUE AND prediction_id IS NOT NULL UNION SELECT p.id "
                + "FROM monitor_tally_journal j JOIN predictions p ON p.appointment_id = j.appointment_id "
                + "WHERE j.claimed = TRUE) x");
        Deltas deltas = new Deltas();
        String working = " JOIN monitor_tally_work w ON w.prediction_id = c.prediction_id";
        deltas.read(c, working, -1);
        forget(c);
        long n = count(c, worse, " FROM monitor_tally_work w JOIN predictions p ON p.id = w.prediction_id");
        deltas.read(c, working, 1);
        deltas.apply(c);
        update(c, "DELETE FROM monitor_tally_work");
        return n;
    }

    /**
     * Removes the working predictions' counted rows one key at a time (H2 runs an IN subquery again for every row a
     * DELETE visits, which over a million counted rows takes minutes).
     */
    private static void forget(Connection c) throws SQLException {
        try (Statement read = c.createStatement(); ResultSet rs = read.executeQuery("SELECT prediction_id FROM monitor_tally_work");
             PreparedStatement delete = c.prepareStatement("DELETE FROM monitor_tally_counted WHERE prediction_id = ?")) {
            int pending = 0;
            while (rs.next()) {
                delete.setObject(1, rs.getObject(1));
                delete.addBatch();
                if (++pending % BATCH == 0) delete.executeBatch();
            }
            delete.executeBatch();
        }
    }

    /**
     * Counts the predictions {@code from} names ({@code p}) as they stand: the key packs the month (the appointment's
     * date, else the day the prediction was saved), the probability bucket, the outcome (worse, better or not yet
     * known; a deleted appointment's is unknown), the risk tier and whether a fallback answered.
     */
    private static long count(Connection c, List<String> worse, String from) throws SQLException {
        String isWorse = worse.isEmpty() ? "0" : "CASE WHEN a.outcome_category IN ("
                + String.join(", ", Collections.nCopies(worse.size(), "?")) + ") THEN 1 ELSE 0 END";
        String month = "COALESCE(a.appointment_date, CAST(p.created_at AS DATE))";
        String key = "((((CAST(EXTRACT(YEAR FROM " + month + ") AS BIGINT) * 100 + CAST(EXTRACT(MONTH FROM " + month
                + ") AS BIGINT)) * " + (BUCKETS + 1) + " + LEAST(" + BUCKETS + ", GREATEST(0, CAST(FLOOR(p.probability * "
                + BUCKETS + ") AS INT)))) * 3 + CASE WHEN a.outcome_category IS NULL THEN 2 ELSE " + isWorse + " END) * 4 "
                + "+ CASE p.risk_tier WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 0 END) * 2 "
                + "+ CASE WHEN p.answered_by LIKE '%(%' THEN 1 ELSE 0 END";
        String sql = "INSERT INTO monitor_tally_counted (prediction_id, k, site_id, doctor_id, model_id, q1, q2, q3, q4, "
                + "hi, recorded) SELECT p.id, " + key + ", p.site_id, p.doctor_id, CAST(p.model_version_id AS VARCHAR(36)), "
                + "CAST(p.probability * " + PARTS + " AS BIGINT), "
                + "CAST(p.probability * p.probability * " + PARTS + " AS BIGINT), "
                + "CAST(p.probability * p.probability * p.probability * " + PARTS + " AS BIGINT), "
                + "CAST(p.probability * p.probability * p.probability * p.probability * " + PARTS + " AS BIGINT), "
                + "CASE WHEN p.probability >= CAST(0.5 AS DOUBLE PRECISION) THEN 1 ELSE 0 END, "
                + "CASE WHEN a.outcome_category IS NULL THEN NULL ELSE a.updated_at END"
                + from + " LEFT JOIN appointments a ON a.id = p.appointment_id AND a.deleted = FALSE";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < worse.size(); i++) s.setString(i + 1, worse.get(i));
            return s.executeUpdate();
        }
    }

    /** The changes one catch-up makes to the sums, per kind, key and group. */
    private static final class Deltas {
        private record Key(int kind, long k, String grp) {
        }

        private final Map<Key, long[]> sums = new HashMap<>();

        /** Adds ({@code sign} 1) or subtracts (-1) the counted predictions that {@code join} selects. */
        void read(Connection c, String join, int sign) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT c.k, c.site_id, c.doctor_id, c.model_id, c.q1, c.q2, "
                    + "c.q3, c.q4, c.hi FROM monitor_tally_counted c" + join)) {
                s.setFetchSize(FETCH);
                try (ResultSet rs = s.executeQuery()) {
                    long[] q = new long[6];
                    while (rs.next()) {
                        long k = rs.getLong(1);
                        q[0] = sign;
                        for (int i = 1; i < 6; i++) q[i] = sign * rs.getLong(4 + i);
                        add(Kind.MONTH, k, "", q);
                        add(Kind.SITE, k, stored(rs.getString(2)), q);
                        add(Kind.DOCTOR, k, stored(rs.getString(3)), q);
                        add(Kind.MODEL, k, stored(rs.getString(4)), q);
                        add(Kind.DOCTOR_MIX, MonitorRepository.month(k), stored(rs.getString(3)), new long[] {sign, 0, 0, 0, 0, 0});
                    }
                }
            }
        }

        private void add(Kind kind, long k, String grp, long[] q) {
            long[] s = sums.computeIfAbsent(new Key(kind.ordinal(), k, grp), x -> new long[6]);
            for (int i = 0; i < 6; i++) s[i] += q[i];
        }

        /** Writes the changes: added to the rows that exist, else inserted; rows left with no prediction go. */
        void apply(Connection c) throws SQLException {
            List<Map.Entry<Key, long[]>> changed = new ArrayList<>();
            for (Map.Entry<Key, long[]> e : sums.entrySet()) {
                if (!java.util.Arrays.equals(e.getValue(), new long[6])) changed.add(e);
            }
            List<Map.Entry<Key, long[]>> missing = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE monitor_tally_sums SET n = n + ?, q1 = q1 + ?, "
                    + "q2 = q2 + ?, q3 = q3 + ?, q4 = q4 + ?, hi = hi + ? WHERE kind = ? AND k = ? AND grp = ?")) {
                for (int from = 0; from < changed.size(); from += BATCH) {
                    List<Map.Entry<Key, long[]>> part = changed.subList(from, Math.min(changed.size(), from + BATCH));
                    for (Map.Entry<Key, long[]> e : part) {
                        for (int i = 0; i < 6; i++) s.setLong(i + 1, e.getValue()[i]);
                        bindKey(s, 7, e.getKey());
                        s.addBatch();
                    }
                    int[] updated = s.executeBatch();
                    for (int i = 0; i < updated.length; i++) if (updated[i] == 0) missing.add(part.get(i));
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO monitor_tally_sums (kind, k, grp, n, q1, q2, q3, "
                    + "q4, hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Map.Entry<Key, long[]> e : missing) {
                    bindKey(s, 1, e.getKey());
                    for (int i = 0; i < 6; i++) s.setLong(i + 4, e.getValue()[i]);
                    s.addBatch();
                    if (++pending % BATCH == 0) s.executeBatch();
                }
                s.executeBatch();
            }
            // only a row that lost predictions can have none left
            try (PreparedStatement s = c.prepareStatement("DELETE FROM monitor_tally_sums WHERE kind = ? AND k = ? AND grp = ? "
                    + "AND n = 0")) {
                int pending = 0;
                for (Map.Entry<Key, long[]> e : changed) {
                    if (e.getValue()[0] >= 0) continue;
                    bindKey(s, 1, e.getKey());
                    s.addBatch();
                    if (++pending % BATCH == 0) s.executeBatch();
                }
                s.executeBatch();
            }
        }

        private static void bindKey(PreparedStatement s, int at, Key key) throws SQLException {
            s.setInt(at, key.kind());
            s.setLong(at + 1, key.k());
            s.setString(at + 2, key.grp());
        }
    }

    /** A group as the sums store it: '' for none, else '=' and the group. */
    private static String stored(String group) {
        return group == null ? "" : "=" + group;
    }

    /** {@link #stored} in SQL. */
    private static String storedSql(String column) {
        return "CASE WHEN " + column + " IS NULL THEN '' ELSE '=' || " + column + " END";
    }

    private static String group(String stored) {
        return stored.isEmpty() ? null : stored.substring(1);
    }

    private static List<String> worseCodes(Connection c) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code FROM outcome_categories WHERE label = 'worse' ORDER BY code")) {
            while (rs.next()) codes.add(rs.getString(1));
        }
        return codes;
    }

    private static String state(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state_value FROM monitor_tally_state WHERE name = 'worse'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
