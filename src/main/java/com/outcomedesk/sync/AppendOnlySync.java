package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Append-only tables (predictions, audit trail, model versions with their artifacts, activation events)
 * merge by key without conflicts. Locally a row with no server number has not been pushed yet.
 */
final class AppendOnlySync {

    /** A reference that must exist on the receiving side before a row can be written there. */
    record Reference(String column, SyncTable target) {
    }

    private final SyncTable table;
    private final List<Reference> references;
    private final int batch;

    AppendOnlySync(SyncTable table, List<Reference> references, int batch) {
        this.table = table;
        this.references = references;
        this.batch = batch;
    }

    SyncTable table() {
        return table;
    }

    /** Pushes rows not yet on the server; returns [rows inserted there, conflicts recorded]. */
    long[] push(Connection local, Connection server) throws SQLException {
        long inserted = 0;
        long conflicts = 0;
        Object after = null;
        String sql = "SELECT " + table.columnList() + " FROM " + table.name() + " WHERE server_seq IS NULL"
                + " AND " + table.key() + " > ? ORDER BY " + table.key() + " LIMIT " + batch;
        String first = sql.replace(" AND " + table.key() + " > ?", "");
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = local.prepareStatement(after == null ? first : sql)) {
                if (after != null) table.bindKey(ps, 1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(table.read(rs));
                }
            }
            if (rows.isEmpty()) return new long[] {inserted, conflicts};
            after = rows.get(rows.size() - 1)[0];
            rows = withoutBroken(local, rows);

            ServerCounter counter = ServerCounter.lock(server);
            Map<Object, Long> onServer = serverNumbers(server, rows);
            List<Object[]> fresh = new ArrayList<>();
            for (Object[] r : rows) if (!onServer.containsKey(r[0])) fresh.add(r);
            fresh = writable(server, fresh);
            if (table == SyncTable.MODEL_VERSIONS) {
                List<Object[]> colliding = ModelNumbers.colliding(server, fresh);
                for (Object[] r : colliding) {
                    if (ModelNumbers.recordConflict(server, counter, r)) conflicts++;
                }
                fresh.removeAll(colliding);
            }
            try (PreparedStatement ps = server.prepareStatement(table.insertSql("server_seq"))) {
                for (Object[] r : fresh) {
                    long seq = counter.next();
                    table.bindAll(ps, r);
                    ps.setLong(r.length + 1, seq);
                    ps.addBatch();
                    onServer.put(r[0], seq);
                }
                ps.executeBatch();
            }
            if (table == SyncTable.MODEL_ACTIVATIONS && !fresh.isEmpty()) ModelNumbers.deriveStatus(server);
            counter.commit();

            try (PreparedStatement ps = local.prepareStatement(
                    "UPDATE " + table.name() + " SET server_seq = ? WHERE " + table.key() + " = ?")) {
                for (Map.Entry<Object, Long> e : onServer.entrySet()) {
                    ps.setLong(1, e.getValue());
                    table.bindKey(ps, 2, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            local.commit();
            inserted += fresh.size();
        }
    }

    /** Pulls the server's rows numbered after the high-water mark up to {@code upTo}; returns rows inserted. */
    long pull(Connection local, Connection server, String watermarkName, long upTo) throws SQLException {
        long inserted = 0;
        long mark = SyncSql.stateValue(local, watermarkName);
        int n = table.columns().size();
        while (mark < upTo) {
            List<Object[]> rows = SyncSql.serverPage(server, table, mark, upTo, batch);
            if (rows.isEmpty()) break;
            Set<Object> present = SyncSql.existingKeys(local, table, rows.stream().map(r -> r[0]).toList());
            List<Object[]> fresh = new ArrayList<>();
            for (Object[] r : rows) if (!present.contains(r[0])) fresh.add(r);
            fresh = writable(local, fresh);
            // A model whose number this site already uses for its own model stays on the server; the
            // pushing site recorded the collision as a conflict.
            if (table == SyncTable.MODEL_VERSIONS) fresh.removeAll(ModelNumbers.colliding(local, fresh));
            try (PreparedStatement ps = local.prepareStatement(table.insertSql("server_seq"))) {
                for (Object[] r : fresh) {
                    table.bindAll(ps, java.util.Arrays.copyOf(r, n));
                    ps.setLong(n + 1, (Long) r[n]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (table == SyncTable.MODEL_ACTIVATIONS && !fresh.isEmpty()) ModelNumbers.deriveStatus(local);
            mark = (Long) rows.get(rows.size() - 1)[n];
            SyncSql.putState(local, watermarkName, mark);
            local.commit();
            inserted += fresh.size();
        }
        return inserted;
    }

    /**
     * The rows keeping the text rule; the others (stored before it) are quarantined under the table's name and stay
     * pending, so that one old row never stops the table's sync.
     */
    private List<Object[]> withoutBroken(Connection local, List<Object[]> rows) throws SQLException {
        Map<Object, Quarantine.Problem> held = new java.util.LinkedHashMap<>();
        List<Object[]> kept = new ArrayList<>();
        for (Object[] r : rows) {
            Quarantine.Problem p = Quarantine.check(table, r);
            if (p == null) kept.add(r);
            else held.put(r[0], p);
        }
        Quarantine.record(local, table.name(), rows.stream().map(r -> r[0]).toList(), held, "push");
        return kept;
    }

        private Map<Object, Long> serverNumbers(Connection server, List<Object[]> rows) throws SQLException {
        Map<Object, Object[]> found = SyncSql.fetch(server, table, SyncSql.SERVER_SEQ, rows.stream().map(r -> r[0]).toList());
        Map<Object, Long> numbers = new HashMap<>();
        int n = table.columns().size();
        found.forEach((k, v) -> numbers.put(k, (Long) v[n]));
        return numbers;
    }

    /** Drops rows whose references are missing on the receiving side; they stay pending and are retried. */
    private List<Object[]> writable(Connection target, List<Object[]> rows) throws SQLException {
        List<Object[]> ok = rows;
        for (Reference ref : references) {
            int col = table.index(ref.column());
            Set<Object> wanted = new HashSet<>();
            for (Object[] r : ok) if (r[col] != null) wanted.add(r[col]);
            Set<Object> present = SyncSql.existingKeys(target, ref.target(), wanted);
            List<Object[]> kept = new ArrayList<>();
            for (Object[] r : ok) if (r[col] == null || present.contains(r[col])) kept.add(r);
            ok = kept;
        }
        return ok;
    }
}
