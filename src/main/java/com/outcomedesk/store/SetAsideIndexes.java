package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A bulk load into one table of an H2 store with its plain indexes (not those behind keys and constraints) set aside
 * and built once over the loaded rows. H2 copies every index page a row changes, so rows arriving in random key order
 * into a table with eight indexes cost far more than the rows themselves: 200,000 appointments loaded in 330 s with
 * the indexes and in 99 s without them, building them included. The definitions are committed in
 * {@code set_aside_indexes} before an index is dropped, so a load killed half-way gets its indexes back when the store
 * next opens ({@link #rebuildLeftovers}). On PostgreSQL nothing is set aside.
 */
public final class SetAsideIndexes {
    private static final String CREATE = "CREATE INDEX ";

    private final Connection connection;
    private final Map<String, String> definitions;
    private boolean restored;

    private SetAsideIndexes(Connection connection, Map<String, String> definitions) {
        this.connection = connection;
        this.definitions = definitions;
    }

    /** The fewest incoming rows for which setting indexes aside pays (building them costs about two seconds per 10,000 rows). */
    public static final long WORTH_IT = 50_000;

    /**
     * Whether loading so many rows is worth setting the table's indexes aside: on H2, from {@link #WORTH_IT} rows and
     * at least as many as the table holds already (the indexes are built again over all of them).
     */
    public static boolean pays(Connection c, String table, long incoming) throws SQLException {
        if (incoming < WORTH_IT || Vendor.of(c) != Vendor.H2) return false;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1) <= incoming;
        }
    }

    /** Sets the table's plain indexes aside; commits the connection's transaction. */
    public static SetAsideIndexes of(Connection c, String table) throws SQLException {
        return keeping(c, table, null);
    }

    /**
     * Like {@link #of}, but the index named {@code kept} stays: the rows arrive in its order, so each goes at its end,
     * as cheaply as into the key's own index, where building it afterwards would read every row once more.
     */
    public static SetAsideIndexes keeping(Connection c, String table, String kept) throws SQLException {
        if (Vendor.of(c) != Vendor.H2) return new SetAsideIndexes(c, Map.of());
        Map<String, String> definitions = plainIndexes(c, table.toUpperCase(Locale.ROOT));
        if (kept != null) definitions.remove("\"PUBLIC\".\"" + kept.toUpperCase(Locale.ROOT) + "\"");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO set_aside_indexes (index_name, definition) VALUES (?, ?)")) {
            for (Map.Entry<String, String> d : definitions.entrySet()) {
                ps.setString(1, d.getKey());
                ps.setString(2, d.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            for (String name : definitions.keySet()) s.execute("DROP INDEX IF EXISTS " + name);
        }
        c.commit();
        return new SetAsideIndexes(c, definitions);
    }

    /** How many indexes are set aside. */
    public int count() {
        return definitions.size();
    }

    /** Builds the indexes again over the rows committed so far and forgets them; commits. Once is enough. */
    public void restore() throws SQLException {
        if (restored || definitions.isEmpty()) return;
        connection.commit();
        build(connection, definitions);
        restored = true;
    }

    /** Builds the indexes a killed load left set aside; a store with none (or not yet the table) is left alone. */
    static void rebuildLeftovers(Connection c) throws SQLException {
        if (Vendor.of(c) != Vendor.H2) return;
        try (ResultSet t = c.getMetaData().getTables(null, null, "SET_ASIDE_INDEXES", null)) {
            if (!t.next()) return;
        }
        Map<String, String> left = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT index_name, definition FROM set_aside_indexes ORDER BY index_name")) {
            while (rs.next()) left.put(rs.getString(1), rs.getString(2));
        }
        if (!left.isEmpty()) build(c, left);
    }

    private static void build(Connection c, Map<String, String> definitions) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : definitions.values()) s.execute(CREATE + "IF NOT EXISTS " + ddl.substring(CREATE.length()));
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM set_aside_indexes WHERE index_name = ?")) {
            for (String name : definitions.keySet()) {
                ps.setString(1, name);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!c.getAutoCommit()) c.commit();
    }

    /**
     * The indexes (by quoted name, as {@link #plainIndexes} gives them) whose first column is, ascending, the first
     * column of their table's primary key.
     */
    static Set<String> ledByPrimaryKey(Connection c) throws SQLException {
        Set<String> led = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.INDEX_SCHEMA, i.INDEX_NAME"
                + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS i JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.TABLE_SCHEMA = i.TABLE_SCHEMA AND k.TABLE_NAME = i.TABLE_NAME AND k.COLUMN_NAME = i.COLUMN_NAME"
                + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
                + " ON t.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " WHERE t.CONSTRAINT_TYPE = 'PRIMARY KEY' AND k.ORDINAL_POSITION = 1 AND i.ORDINAL_POSITION = 1"
                + " AND i.ORDERING_SPECIFICATION = 'ASC'")) {
            while (rs.next()) led.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
        }
        return led;
    }

    /** The plain indexes of the table (of every table when null) by quoted name, each with its definition as H2 scripts it. */
    static Map<String, String> plainIndexes(Connection c, String table) throws SQLException {
        Set<String> behindConstraints = new HashSet<>();
        Map<String, String> found = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE INDEX_NAME IS NOT NULL")) {
                while (rs.next()) behindConstraints.add(rs.getString(1));
            }
            String on = table == null ? " ON " : " ON \"PUBLIC\".\"" + table + "\"(";
            try (ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    String ddl = rs.getString(1);
                    if (!ddl.startsWith(CREATE) || !ddl.contains(on)) continue;
                    String name = ddl.substring(CREATE.length(), ddl.indexOf(" ON "));
                    if (!behindConstraints.contains(name.substring(name.lastIndexOf('.') + 2, name.length() - 1))) {
                        found.put(name, ddl);
                    }
                }
            }
        }
        return found;
    }
}
