package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome mapping: a few hundred rows keyed by normalised text, changed only by administrators.
 * A change whose base is the server's current category simply replaces it; a concurrent change also wins
 * (the server orders the decisions) and the replaced category is kept as a conflict.
 */
final class MappingSync {
    static final SyncTable T = SyncTable.MAPPINGS;
    static final String DIRTY = "(base_category IS NULL OR base_category <> category)";
    private static final int CATEGORY = T.index("category");
    private static final int N = T.columns().size();
    private static final List<SyncColumn> BASE = List.of(new SyncColumn("base_category", SyncColumn.Type.TEXT));
    private static final List<SyncColumn> SEQ = List.of(new SyncColumn("server_seq", SyncColumn.Type.LONG));

    /** Returns [rows written on the server, conflicts recorded]; rows breaking the text rule are quarantined. */
    long[] push(Connection local, Connection server) throws SQLException {
        List<Object[]> dirty = select(local, "SELECT " + T.columnList() + ", base_category FROM outcome_mappings WHERE "
                + DIRTY, BASE);
        Map<Object, Quarantine.Problem> held = new java.util.LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : dirty) {
            Quarantine.Problem p = Quarantine.check(T, r);
            if (p == null) rows.add(r);
            else held.put(r[0], p);
        }
        Quarantine.record(local, Quarantine.MAPPING, dirty.stream().map(r -> r[0]).toList(), held, "push");
        local.commit();
        if (rows.isEmpty()) return new long[] {0, 0};
        long written = 0;
        long conflicts = 0;
        ServerCounter counter = ServerCounter.lock(server);
        Map<Object, Object[]> existing = SyncSql.fetch(server, T, List.of(), rows.stream().map(r -> r[0]).toList());
        try (PreparedStatement insert = server.prepareStatement(T.insertSql("server_seq", "base_category"));
             PreparedStatement update = server.prepareStatement(T.updateSql("server_seq = ?", "base_category = ?"))) {
            for (Object[] r : rows) {
                Object[] s = existing.get(r[0]);
                Object[] values = java.util.Arrays.copyOf(r, N);
                if (s == null) {
                    int i = T.bindAll(insert, values);
                    insert.setLong(i, counter.next());
                    insert.setString(i + 1, (String) r[CATEGORY]);
                    insert.addBatch();
                } else if (!Objects.equals(s[CATEGORY], r[CATEGORY])) {
                    if (!Objects.equals(r[N], s[CATEGORY]) && ConflictLog.record(server, counter, "outcome_mapping",
                            (String) r[0], null, null, null, null, RowJson.write(T, s))) {
                        conflicts++;
                    }
                    int i = T.bindValues(update, values);
                    update.setLong(i, counter.next());
                    update.setString(i + 1, (String) r[CATEGORY]);
                    update.setString(i + 2, (String) r[0]);
                    update.addBatch();
                } else {
                    continue;
                }
                written++;
            }
            insert.executeBatch();
            update.executeBatch();
        }
        counter.commit();
        try (PreparedStatement clean = local.prepareStatement(
                "UPDATE outcome_mappings SET base_category = category WHERE normalized_text = ? AND category = ?")) {
            for (Object[] r : rows) {
                clean.setString(1, (String) r[0]);
                clean.setString(2, (String) r[CATEGORY]);
                clean.addBatch();
            }
            clean.executeBatch();
        }
        local.commit();
        return new long[] {written, conflicts};
    }

    long pull(Connection local, Connection server, String watermarkName, long upTo) throws SQLException {
        long mark = SyncSql.stateValue(local, watermarkName);
        if (mark >= upTo) return 0;
        List<Object[]> rows = select(server, "SELECT " + T.columnList() + ", server_seq FROM outcome_mappings WHERE "
                + "server_seq > " + mark + " AND server_seq <= " + upTo + " ORDER BY server_seq", SEQ);
        server.commit();
        long applied = 0;
        Map<Object, Object[]> existing = SyncSql.fetch(local, T, BASE, rows.stream().map(r -> r[0]).toList());
        try (PreparedStatement insert = local.prepareStatement(T.insertSql("server_seq", "base_category"));
             PreparedStatement update = local.prepareStatement(T.updateSql("server_seq = ?", "base_category = ?"))) {
            for (Object[] p : rows) {
                Object[] l = existing.get(p[0]);
                Object[] values = java.util.Arrays.copyOf(p, N);
                if (l == null) {
                    int i = T.bindAll(insert, values);
                    insert.setLong(i, (Long) p[N]);
                    insert.setString(i + 1, (String) p[CATEGORY]);
                    insert.addBatch();
                    applied++;
                } else if (Objects.equals(l[CATEGORY], p[CATEGORY]) || Objects.equals(l[N], l[CATEGORY])) {
                    // Same category, or no unpushed local decision: take the server's row.
                    int i = T.bindValues(update, values);
                    update.setLong(i, (Long) p[N]);
                    update.setString(i + 1, (String) p[CATEGORY]);
                    update.setString(i + 2, (String) p[0]);
                    update.addBatch();
                    if (!Objects.equals(l[CATEGORY], p[CATEGORY])) applied++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        if (!rows.isEmpty()) SyncSql.putState(local, watermarkName, (Long) rows.get(rows.size() - 1)[N]);
        local.commit();
        return applied;
    }

    private static List<Object[]> select(Connection c, String sql, List<SyncColumn> extra) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rows.add(SyncSql.readWith(rs, T, extra));
        }
        return rows;
    }
}
