package com.outcomedesk.sync;

import com.outcomedesk.store.HybridClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Appointments are edited on several sites: last writer wins by (hlc, site id), and a concurrent losing
 * version with different content is kept as a conflict. A row is "dirty" while its (hlc, site) differs
 * from the base version last agreed with the server ({@link SyncBase}).
 */
final class AppointmentSync {
    static final SyncTable T = SyncTable.APPOINTMENTS;
    /** What a person entered; stamps may differ while the content is the same (e.g. one file imported twice). */
    private static final int[] CONTENT = {
            T.index("external_id"), T.index("doctor_id"), T.index("patient_ref"), T.index("appointment_date"),
            T.index("summary"), T.index("outcome_text"), T.index("outcome_category"), T.index("outcome_source"),
            T.index("deleted")};
    private static final int HLC = T.index("hlc");
    private static final int SITE = T.index("site_id");
    private static final int DOCTOR = T.index("doctor_id");
    private static final int N = T.columns().size();

    private final int batch;
    private final HybridClock clock;

    AppointmentSync(int batch, HybridClock clock) {
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Pushes every local change; returns [rows written on the server, conflicts recorded]. Rows breaking the text
     * rule, and rows the server refuses, are quarantined and stay pending; the rest go on.
     */
    long[] push(Connection local, Connection server) throws SQLException {
        long written = 0;
        long conflicts = 0;
        UUID after = null;
        while (true) {
            List<Object[]> rows = dirtyBatch(local, after);
            if (rows.isEmpty()) return new long[] {written, conflicts};
            after = (UUID) rows.get(rows.size() - 1)[0];
            Map<Object, Quarantine.Problem> held = new LinkedHashMap<>();
            List<Object[]> sendable = new ArrayList<>();
            for (Object[] r : rows) {
                Quarantine.Problem p = Quarantine.check(T, r);
                if (p == null) sendable.add(r);
                else held.put(r[0], p);
            }
            long[] r = pushRows(local, server, sendable, held);
            written += r[0];
            conflicts += r[1];
            Quarantine.record(local, Quarantine.APPOINTMENT, rows.stream().map(row -> row[0]).toList(), held, "push");
            local.commit();
        }
    }

    /**
     * Pushes rows in one server transaction; when the server refuses it for a reason other than a lost connection,
     * halves the rows until the refused ones are found alone, and adds those to {@code refused}.
     */
    private long[] pushRows(Connection local, Connection server, List<Object[]> rows,
                            Map<Object, Quarantine.Problem> refused) throws SQLException {
        if (rows.isEmpty()) return new long[] {0, 0};
        long[] result = new long[2];
        Map<Object, Object[]> serverWins;
        try {
            serverWins = pushToServer(server, rows, result);
        } catch (SQLException e) {
            if (ServerLink.isConnectionLoss(e)) throw e;
            server.rollback();
            if (rows.size() == 1) {
                refused.put(rows.get(0)[0], Quarantine.refusedByServer(e));
                return new long[] {0, 0};
            }
            int half = rows.size() / 2;
            long[] a = pushRows(local, server, rows.subList(0, half), refused);
            long[] b = pushRows(local, server, rows.subList(half, rows.size()), refused);
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
        for (Object[] s : serverWins.values()) clock.observe((Long) s[HLC]);
        markPushed(local, rows, serverWins);
        local.commit();
        return result;
    }

    /** Writes the rows on the server and commits; returns the rows whose server version won, counting into result. */
    private static Map<Object, Object[]> pushToServer(Connection server, List<Object[]> rows, long[] result)
            throws SQLException {
        Map<Object, Object[]> byKey = new LinkedHashMap<>();
        for (Object[] r : rows) byKey.put(r[0], r);
        ServerCounter counter = ServerCounter.lock(server);
        Map<Object, Object[]> existing = SyncSql.fetch(server, T, List.of(), byKey.keySet());
        SyncSql.ensureDoctors(server, doctors(rows));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Map<Object, Object[]> serverWins = new HashMap<>();
        for (Object[] r : rows) {
            Object[] s = existing.get(r[0]);
            if (s == null) {
                inserts.add(r);
                continue;
            }
            if (sameVersion(r, s)) continue;
            boolean localWins = compare(r, s) > 0;
            boolean concurrent = !(Objects.equals(r[N], s[HLC]) && Objects.equals(r[N + 1], s[SITE]));
            if (concurrent && !sameContent(r, s)) {
                Object[] winner = localWins ? r : s;
                Object[] loser = localWins ? s : r;
                if (ConflictLog.record(server, counter, "appointment", r[0].toString(), (Long) winner[HLC],
                        (String) winner[SITE], (Long) loser[HLC], (String) loser[SITE], RowJson.write(T, loser))) {
                    result[1]++;
                }
            }
            if (localWins) updates.add(r);
            else serverWins.put(r[0], s);
        }
        write(server, counter, inserts, updates);
        counter.commit();
        result[0] = inserts.size() + updates.size();
        return serverWins;
    }

    /** Pulls the server's changes numbered after the high-water mark up to {@code upTo}; returns rows applied. */
    long pull(Connection local, Connection server, String watermarkName, long upTo) throws SQLException {
        long applied = 0;
        long mark = SyncSql.stateValue(local, watermarkName);
        while (mark < upTo) {
            List<Object[]> rows = SyncSql.serverPage(server, T, mark, upTo, batch);
            if (rows.isEmpty()) break;
            applied += applyPulled(local, rows);
            mark = (Long) rows.get(rows.size() - 1)[N];
            SyncSql.putState(local, watermarkName, mark);
            local.commit();
        }
        return applied;
    }

    private long applyPulled(Connection local, List<Object[]> rows) throws SQLException {
        Map<Object, Object[]> existing = SyncSql.fetch(local, T, SyncBase.JOINED, SyncBase.COLUMNS, rows.stream().map(r -> r[0]).toList());
        SyncSql.ensureDoctors(local, doctors(rows));
        long applied = 0;
        long maxHlc = 0;
        List<Object> taken = new ArrayList<>();
        Map<Object, Quarantine.Problem> broken = new LinkedHashMap<>();
        try (PreparedStatement insert = local.prepareStatement(T.insertSql("row_version", "server_seq"));
             PreparedStatement update = local.prepareStatement(T.updateSql("row_version = row_version + 1",
                     "server_seq = ?"));
             PreparedStatement base = SyncBase.merge(local)) {
            for (Object[] p : rows) {
                maxHlc = Math.max(maxHlc, (Long) p[HLC]);
                Object[] l = existing.get(p[0]);
                if (l == null) {
                    int i = T.bindAll(insert, p);
                    insert.setLong(i, 0);
                    insert.setLong(i + 1, (Long) p[N]);
                    insert.addBatch();
                    applied++;
                } else if (sameVersion(l, p)) {
                    // Usually this site's own push coming back: nothing to do unless the base was not yet recorded.
                    if (!isDirty(l)) continue;
                } else if (!isDirty(l)) {
                    int i = T.bindValues(update, p);
                    update.setLong(i, (Long) p[N]);
                    update.setObject(i + 1, p[0]);
                    update.addBatch();
                    applied++;
                } else {
                    // A dirty local row is left alone: the next push meets the server's version and resolves both.
                    continue;
                }
                SyncBase.add(base, p[0], (Long) p[HLC], (String) p[SITE]);
                taken.add(p[0]);
                Quarantine.Problem problem = Quarantine.check(T, p);
                if (problem != null) broken.put(p[0], problem);
            }
            insert.executeBatch();
            update.executeBatch();
            base.executeBatch();
        }
        // Stored as the server has it, so the other sites' view stays whole; listed, to be repaired here.
        Quarantine.record(local, Quarantine.APPOINTMENT, taken, broken, "pull");
        clock.observe(maxHlc);
        return applied;
    }

    private List<Object[]> dirtyBatch(Connection local, UUID after) throws SQLException {
        String sql = "SELECT " + T.columnList("a.") + ", b.base_hlc, b.base_site FROM " + SyncBase.JOINED + " WHERE "
                + SyncBase.DIRTY + (after == null ? "" : " AND a.id > ?") + " ORDER BY a.id LIMIT " + batch;
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = local.prepareStatement(sql)) {
            if (after != null) ps.setObject(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(SyncSql.readWith(rs, T, SyncBase.COLUMNS));
            }
        }
        return rows;
    }

    private static void write(Connection server, ServerCounter counter, List<Object[]> inserts, List<Object[]> updates)
            throws SQLException {
        try (PreparedStatement insert = server.prepareStatement(T.insertSql("row_version", "server_seq"));
             PreparedStatement update = server.prepareStatement(T.updateSql("row_version = row_version + 1",
                     "server_seq = ?"));
             PreparedStatement base = SyncBase.merge(server)) {
            for (Object[] r : inserts) {
                int i = T.bindAll(insert, r);
                insert.setLong(i, 0);
                insert.setLong(i + 1, counter.next());
                insert.addBatch();
                SyncBase.add(base, r[0], (Long) r[HLC], (String) r[SITE]);
            }
            for (Object[] r : updates) {
                int i = T.bindValues(update, r);
                update.setLong(i, counter.next());
                update.setObject(i + 1, r[0]);
                update.addBatch();
                SyncBase.add(base, r[0], (Long) r[HLC], (String) r[SITE]);
            }
            insert.executeBatch();
            update.executeBatch();
            base.executeBatch();
        }
    }

    /**
     * After the server committed: pushed rows get the pushed version as their base (a row edited again meanwhile
     * has moved on from it and so stays dirty); rows where the server's version won take it, unless edited again.
     */
    private static void markPushed(Connection local, List<Object[]> rows, Map<Object, Object[]> serverWins)
            throws SQLException {
        try (PreparedStatement base = SyncBase.merge(local);
             PreparedStatement take = local.prepareStatement(T.updateSql("row_version = row_version + 1")
                     + " AND hlc = ? AND site_id = ?")) {
            for (Object[] r : rows) {
                Object[] s = serverWins.get(r[0]);
                if (s == null) {
                    SyncBase.add(base, r[0], (Long) r[HLC], (String) r[SITE]);
                    continue;
                }
                int i = T.bindValues(take, s);
                take.setObject(i, r[0]);
                take.setLong(i + 1, (Long) r[HLC]);
                take.setString(i + 2, (String) r[SITE]);
                if (take.executeUpdate() == 1) SyncBase.add(base, s[0], (Long) s[HLC], (String) s[SITE]);
            }
            base.executeBatch();
        }
    }

    static int compare(Object[] a, Object[] b) {
        int c = Long.compare((Long) a[HLC], (Long) b[HLC]);
        return c != 0 ? c : ((String) a[SITE]).compareTo((String) b[SITE]);
    }

    private static boolean sameVersion(Object[] a, Object[] b) {
        return a[HLC].equals(b[HLC]) && a[SITE].equals(b[SITE]);
    }

    private static boolean sameContent(Object[] a, Object[] b) {
        for (int i : CONTENT) if (!Objects.equals(a[i], b[i])) return false;
        return true;
    }

    private static boolean isDirty(Object[] l) {
        return !(Objects.equals(l[N], l[HLC]) && Objects.equals(l[N + 1], l[SITE]));
    }

    private static Set<String> doctors(List<Object[]> rows) {
        Set<String> ids = new HashSet<>();
        for (Object[] r : rows) ids.add((String) r[DOCTOR]);
        return ids;
    }
}
