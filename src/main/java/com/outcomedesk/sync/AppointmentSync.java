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
 * from the base version last agreed with the server.
 */
final class AppointmentSync {
    static final SyncTable T = SyncTable.APPOINTMENTS;
    static final String DIRTY = "(base_hlc IS NULL OR base_hlc <> hlc OR base_site <> site_id)";
    private static final List<SyncColumn> BASE = List.of(
            new SyncColumn("base_hlc", SyncColumn.Type.LONG), new SyncColumn("base_site", SyncColumn.Type.TEXT));
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

    /** Pushes every local change; returns [rows written on the server, conflicts recorded]. */
    long[] push(Connection local, Connection server) throws SQLException {
        long written = 0;
        long conflicts = 0;
        UUID after = null;
        while (true) {
            List<Object[]> rows = dirtyBatch(local, after);
            if (rows.isEmpty()) return new long[] {written, conflicts};
            after = (UUID) rows.get(rows.size() - 1)[0];
            Map<Object, Object[]> byKey = new LinkedHashMap<>();
            for (Object[] r : rows) byKey.put(r[0], r);

            ServerCounter counter = ServerCounter.lock(server);
            Map<Object, Object[]> existing = Rows.fetch(server, T, List.of(), byKey.keySet());
            Rows.ensureDoctors(server, doctors(rows));
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
                        conflicts++;
                    }
                }
                if (localWins) updates.add(r);
                else serverWins.put(r[0], s);
            }
            write(server, counter, inserts, updates);
            counter.commit();

            for (Object[] s : serverWins.values()) clock.observe((Long) s[HLC]);
            markPushed(local, rows, serverWins);
            local.commit();
            written += inserts.size() + updates.size();
        }
    }

    /** Pulls the server's changes numbered after the high-water mark up to {@code upTo}; returns rows applied. */
    long pull(Connection local, Connection server, String watermarkName, long upTo) throws SQLException {
        long applied = 0;
        long mark = Rows.stateValue(local, watermarkName);
        while (mark < upTo) {
            List<Object[]> rows = Rows.serverPage(server, T, mark, upTo, batch);
            if (rows.isEmpty()) break;
            applied += applyPulled(local, rows);
            mark = (Long) rows.get(rows.size() - 1)[N];
            Rows.putState(local, watermarkName, mark);
            local.commit();
        }
        return applied;
    }

    private long applyPulled(Connection local, List<Object[]> rows) throws SQLException {
        Map<Object, Object[]> existing = Rows.fetch(local, T, BASE, rows.stream().map(r -> r[0]).toList());
        Rows.ensureDoctors(local, doctors(rows));
        long applied = 0;
        long maxHlc = 0;
        try (PreparedStatement insert = local.prepareStatement(T.insertSql("row_version", "server_seq", "base_hlc", "base_site"));
             PreparedStatement update = local.prepareStatement(T.updateSql("row_version = row_version + 1",
                     "server_seq = ?", "base_hlc = ?", "base_site = ?"));
             PreparedStatement rebase = local.prepareStatement(
                     "UPDATE appointments SET server_seq = ?, base_hlc = ?, base_site = ? WHERE id = ?")) {
            for (Object[] p : rows) {
                maxHlc = Math.max(maxHlc, (Long) p[HLC]);
                Object[] l = existing.get(p[0]);
                if (l == null) {
                    int i = T.bindAll(insert, p);
                    insert.setLong(i, 0);
                    insert.setLong(i + 1, (Long) p[N]);
                    insert.setLong(i + 2, (Long) p[HLC]);
                    insert.setString(i + 3, (String) p[SITE]);
                    insert.addBatch();
                    applied++;
                } else if (sameVersion(l, p)) {
                    // Usually this site's own push coming back: nothing to do unless the base was not yet recorded.
                    if (!isDirty(l)) continue;
                    rebase.setLong(1, (Long) p[N]);
                    rebase.setLong(2, (Long) p[HLC]);
                    rebase.setString(3, (String) p[SITE]);
                    rebase.setObject(4, p[0]);
                    rebase.addBatch();
                } else if (!isDirty(l)) {
                    int i = T.bindValues(update, p);
                    update.setLong(i, (Long) p[N]);
                    update.setLong(i + 1, (Long) p[HLC]);
                    update.setString(i + 2, (String) p[SITE]);
                    update.setObject(i + 3, p[0]);
                    update.addBatch();
                    applied++;
                }
                // A dirty local row is left alone: the next push meets the server's version and resolves both.
            }
            insert.executeBatch();
            update.executeBatch();
            rebase.executeBatch();
        }
        clock.observe(maxHlc);
        return applied;
    }

    private List<Object[]> dirtyBatch(Connection local, UUID after) throws SQLException {
        String sql = "SELECT " + T.columnList() + ", base_hlc, base_site FROM appointments WHERE " + DIRTY
                + (after == null ? "" : " AND id > ?") + " ORDER BY id LIMIT " + batch;
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = local.prepareStatement(sql)) {
            if (after != null) ps.setObject(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(Rows.readWith(rs, T, BASE));
            }
        }
        return rows;
    }

    private static void write(Connection server, ServerCounter counter, List<Object[]> inserts, List<Object[]> updates)
            throws SQLException {
        try (PreparedStatement ps = server.prepareStatement(T.insertSql("row_version", "server_seq", "base_hlc", "base_site"))) {
            for (Object[] r : inserts) {
                int i = T.bindAll(ps, r);
                ps.setLong(i, 0);
                ps.setLong(i + 1, counter.next());
                ps.setLong(i + 2, (Long) r[HLC]);
                ps.setString(i + 3, (String) r[SITE]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = server.prepareStatement(T.updateSql("row_version = row_version + 1",
                "server_seq = ?", "base_hlc = ?", "base_site = ?"))) {
            for (Object[] r : updates) {
                int i = T.bindValues(ps, r);
                ps.setLong(i, counter.next());
                ps.setLong(i + 1, (Long) r[HLC]);
                ps.setString(i + 2, (String) r[SITE]);
                ps.setObject(i + 3, r[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * After the server committed: pushed rows become clean, rows where the server's version won take it.
     * Both only if the row was not edited again meanwhile (then it stays dirty for the next push).
     */
    private static void markPushed(Connection local, List<Object[]> rows, Map<Object, Object[]> serverWins)
            throws SQLException {
        try (PreparedStatement clean = local.prepareStatement("UPDATE appointments SET base_hlc = hlc, base_site = site_id "
                + "WHERE id = ? AND hlc = ? AND site_id = ?");
             PreparedStatement take = local.prepareStatement(T.updateSql("row_version = row_version + 1",
                     "base_hlc = ?", "base_site = ?") + " AND hlc = ? AND site_id = ?")) {
            for (Object[] r : rows) {
                Object[] s = serverWins.get(r[0]);
                if (s == null) {
                    clean.setObject(1, r[0]);
                    clean.setLong(2, (Long) r[HLC]);
                    clean.setString(3, (String) r[SITE]);
                    clean.addBatch();
                } else {
                    int i = T.bindValues(take, s);
                    take.setLong(i, (Long) s[HLC]);
                    take.setString(i + 1, (String) s[SITE]);
                    take.setObject(i + 2, r[0]);
                    take.setLong(i + 3, (Long) r[HLC]);
                    take.setString(i + 4, (String) r[SITE]);
                    take.addBatch();
                }
            }
            clean.executeBatch();
            take.executeBatch();
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
