package com.outcomedesk.sync;

import com.outcomedesk.store.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sync's protocol SQL for copying rows by the catalogue ({@link SyncTable}): batch reads by key and the server's
 * pages by change number. The same statements run on a local store and on the server (same schema, same SQL on
 * H2 and PostgreSQL), which is why they live here and not in a store repository.
 */
final class SyncSql {
    private SyncSql() {
    }

    /** Reads one result row into what the caller keeps of it. */
    @FunctionalInterface
    interface RowReader<R> {
        R read(ResultSet rs) throws SQLException;
    }

    private static final int LOOKUP = 500;

    static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    /** The rows with the given keys, by key. */
    static Map<Object, SyncRow> fetch(Connection c, SyncTable table, Collection<?> keys) throws SQLException {
        return fetch(c, table, table.name() + " a", "", keys, table::read);
    }

    /** As {@link #fetch(Connection, SyncTable, Collection)}, each row with its server number. */
    static Map<Object, SyncRow> fetchNumbered(Connection c, SyncTable table, Collection<?> keys) throws SQLException {
        return fetch(c, table, table.name() + " a", ", a.server_seq", keys, table::readNumbered);
    }

    /**
     * The rows with the given keys, read from a join in which the table is alias a: its catalogue columns followed
     * by the extra columns (a list starting with a comma, or empty), each read by the reader; by key.
     */
    static <R> Map<Object, R> fetch(Connection c, SyncTable table, String from, String extraColumns,
                                    Collection<?> keys, RowReader<R> reader) throws SQLException {
        Map<Object, R> found = new HashMap<>();
        String columns = table.columnList("a.") + extraColumns;
        boolean postgres = Vendor.of(c) == Vendor.POSTGRESQL;
        for (List<?> chunk : chunks(keys, postgres)) {
            String sql = postgres
                    ? "SELECT " + columns + " FROM unnest(?) AS wanted(k) JOIN " + (from.contains(" JOIN ") ? "(" + from + ")" : from)
                            + " ON a." + table.key() + " = wanted.k"
                    : "SELECT " + columns + " FROM " + from + " WHERE a." + table.key() + " IN (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindKeys(c, ps, table, chunk, postgres);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.put(rs.getObject(1, keyClass(table)), reader.read(rs));
                }
            }
        }
        return found;
    }

    /** The subset of keys present in the table. */
    static Set<Object> existingKeys(Connection c, SyncTable table, Collection<?> keys) throws SQLException {
        Set<Object> found = new HashSet<>();
        boolean postgres = Vendor.of(c) == Vendor.POSTGRESQL;
        String key = table.key();
        for (List<?> chunk : chunks(keys, postgres)) {
            String sql = postgres
                    ? "SELECT a." + key + " FROM unnest(?) AS wanted(k) JOIN " + table.name() + " a ON a." + key + " = wanted.k"
                    : "SELECT " + key + " FROM " + table.name() + " WHERE " + key + " IN (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindKeys(c, ps, table, chunk, postgres);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.add(rs.getObject(1, keyClass(table)));
                }
            }
        }
        return found;
    }

    /**
     * PostgreSQL gets the keys as one array joined to the table: an IN list of parameters there is planned once for
     * all values, and on a table that grows within a push and has no statistics yet it became a sequential scan per
     * lookup (a lookup of 8,000 absent keys took 11 s at 40,000 rows and 52 s at 200,000; joined to unnest, 0.1 s).
     */
    private static void bindKeys(Connection c, PreparedStatement ps, SyncTable table, List<?> chunk, boolean postgres)
            throws SQLException {
        if (postgres) {
            ps.setArray(1, c.createArrayOf(keyClass(table) == java.util.UUID.class ? "uuid" : "varchar", chunk.toArray()));
            return;
        }
        int i = 1;
        for (Object key : chunk) table.bindKey(ps, i++, key);
    }

    /**
     * Keys in lookups of at most {@link #LOOKUP} each on H2, which checks every row an index finds against the whole
     * list of parameters, one by one: a page of 8,000 keys in one IN list cost 64 million comparisons, the largest
     * part of a pull in the profile; in chunks of 500 it is 16 times less. PostgreSQL takes them in one array.
     */
    private static List<List<?>> chunks(Collection<?> keys, boolean postgres) {
        List<?> all = keys instanceof List<?> l ? l : new ArrayList<>(keys);
        int size = postgres ? Math.max(1, all.size()) : LOOKUP;
        List<List<?>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) out.add(all.subList(from, Math.min(all.size(), from + size)));
        return out;
    }

    static Class<?> keyClass(SyncTable table) {
        return table.columns().get(0).type() == SyncColumn.Type.UUID ? java.util.UUID.class : String.class;
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
}
