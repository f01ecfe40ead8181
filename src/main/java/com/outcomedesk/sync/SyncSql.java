package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Batch reads and small writes shared by the table synchronisers; plain JDBC, same SQL on both vendors. */
final class SyncSql {
    /** The server's change number, read after a table's own columns. */
    static final List<SyncColumn> SERVER_SEQ = List.of(new SyncColumn("server_seq", SyncColumn.Type.LONG));

    private SyncSql() {
    }

    static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    /** The rows with the given keys: the table's columns followed by the extra columns, by key. */
    static Map<Object, Object[]> fetch(Connection c, SyncTable table, List<SyncColumn> extra, Collection<?> keys)
            throws SQLException {
        return fetch(c, table, table.name() + " a", extra, keys);
    }

    /** As {@link #fetch(Connection, SyncTable, List, Collection)}, reading from a join in which the table is alias a. */
    static Map<Object, Object[]> fetch(Connection c, SyncTable table, String from, List<SyncColumn> extra,
                                       Collection<?> keys) throws SQLException {
        Map<Object, Object[]> found = new HashMap<>();
        if (keys.isEmpty()) return found;
        StringBuilder cols = new StringBuilder(table.columnList("a."));
        for (SyncColumn e : extra) cols.append(", ").append(e.name());
        String sql = "SELECT " + cols + " FROM " + from + " WHERE a." + table.key() + " IN ("
                + placeholders(keys.size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object key : keys) table.bindKey(ps, i++, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.put(rs.getObject(1, keyClass(table)), readWith(rs, table, extra));
            }
        }
        return found;
    }

    /** The subset of keys present in the table. */
    static Set<Object> existingKeys(Connection c, SyncTable table, Collection<?> keys) throws SQLException {
        Set<Object> found = new HashSet<>();
        if (keys.isEmpty()) return found;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + table.key() + " FROM " + table.name() + " WHERE "
                + table.key() + " IN (" + placeholders(keys.size()) + ")")) {
            int i = 1;
            for (Object key : keys) table.bindKey(ps, i++, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(rs.getObject(1, keyClass(table)));
            }
        }
        return found;
    }

    static Class<?> keyClass(SyncTable table) {
        return table.columns().get(0).type() == SyncColumn.Type.UUID ? java.util.UUID.class : String.class;
    }

    /** Reads the table's columns, then the extra ones. */
    static Object[] readWith(ResultSet rs, SyncTable table, List<SyncColumn> extra) throws SQLException {
        int n = table.columns().size();
        Object[] row = new Object[n + extra.size()];
        for (int i = 0; i < n; i++) row[i] = table.columns().get(i).read(rs, i + 1);
        for (int i = 0; i < extra.size(); i++) row[n + i] = extra.get(i).read(rs, n + i + 1);
        return row;
    }

    /**
     * One page of the server's rows numbered after {@code mark} up to {@code upTo}, in server order, each
     * followed by its server_seq; ends the server's read transaction.
     */
    static List<Object[]> serverPage(Connection server, SyncTable table, long mark, long upTo, int batch)
            throws SQLException {
        String sql = "SELECT " + table.columnList() + ", server_seq FROM " + table.name()
                + " WHERE server_seq > ? AND server_seq <= ? ORDER BY server_seq LIMIT " + batch;
        List<Object[]> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = server.prepareStatement(sql)) {
            ps.setLong(1, mark);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(readWith(rs, table, SERVER_SEQ));
            }
        }
        server.commit();
        return rows;
    }

    /** Inserts the doctors the rows refer to that the target store lacks (appointments reference them). */
    static void ensureDoctors(Connection c, Collection<String> doctorIds) throws SQLException {
        Set<String> missing = new HashSet<>(doctorIds);
        missing.removeAll(existingKeys(c, SyncTable.DOCTORS, missing));
        if (missing.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO doctors (doctor_id, created_at) VALUES (?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now();
            for (String id : missing) {
                ps.setString(1, id);
                ps.setObject(2, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static long stateValue(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state_value FROM sync_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void putState(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET state_value = ? WHERE name = ?")) {
            ps.setLong(1, value);
            ps.setString(2, name);
            if (ps.executeUpdate() > 0) return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_state (name, state_value) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
